using System.Globalization;
using System.Text;

namespace AgentTrust.Domain.Metrics.Tooling;

/// <summary>The plain-text table of <c>agenttrust metrics</c>: a summary block, then one row per week x lane x agent x handler and an overall row.</summary>
public static class MetricsTable
{
    const string RowFormat = "{0,-10} {1,-24} {2,-12} {3,-6} {4,8} {5,8} {6,9} {7,9} {8,7} {9,8} {10,7} {11,9} {12,7} {13,9} {14,8} {15,6} {16,6}";

    public static string Render(string file, string format, ImportResult import, MetricsReport report, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Overall;
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"{file} ({format}): {import.RowsRead} rows, {import.Events.Count} events, {import.Unreadable.Count} unreadable, {elapsed.TotalSeconds:0.00} s");
        s.AppendLine(c, $"tickets {o.Tickets} (incidents {o.Incidents}, changes {o.Changes})");
        s.AppendLine(c, $"MTTR (opened to first resolution) {Hours(o.MttrHours)} h mean, {Hours(o.MedianTtrHours)} h median over {o.ResolvedIncidents} resolved incidents");
        s.AppendLine(c, $"reopen rate {Percent(o.ReopenRate)} ({o.ReopenedIncidents}/{o.ResolvedIncidents})");
        s.AppendLine(c, $"change failure rate {Percent(o.ChangeFailureRate)} ({o.FailedChanges}/{o.Changes})");
        s.AppendLine(c, $"reassignments {o.Reassignments} ({o.ReassignedIncidents} incidents reassigned), ping-pong {Percent(o.PingPongRate)} ({o.PingPongIncidents} incidents)");
        s.AppendLine(c, $"escalations: {o.EscalatedIncidents} escalated, {o.WarrantedEscalations} warranted, {o.BouncedEscalations} bounced ({Percent(o.EscalationBounceRate)}), {o.LevelSkips} level skips, {o.StartedAboveL1} started above L1, {o.ApprovalsOverturned} approvals overturned");
        s.AppendLine();
        s.AppendLine(string.Format(c, RowFormat, "week", "lane", "agent", "by", "tickets", "resolved", "mttr_h", "median_h", "reopen", "changes", "cfr", "reassigns", "pingpong", "escalated", "bounced", "skips", ">L1"));
        foreach (var w in report.Weekly)
        {
            s.AppendLine(Row(w.WeekStart.ToString("yyyy-MM-dd", c), w.Lane, w.AgentId.Length == 0 ? "-" : w.AgentId, w.Handler.ToString().ToLowerInvariant(), w.Metrics));
        }

        s.Append(Row("overall", "*", "*", "*", o));
        return s.ToString();
    }

    static string Row(string week, string lane, string agent, string handler, ItsmMetrics m) =>
        string.Format(CultureInfo.InvariantCulture, RowFormat, week, lane, agent, handler, m.Tickets, m.ResolvedIncidents,
            Hours(m.MttrHours), Hours(m.MedianTtrHours), Percent(m.ReopenRate), m.Changes, Percent(m.ChangeFailureRate),
            m.Reassignments, Percent(m.PingPongRate), m.EscalatedIncidents, m.BouncedEscalations, m.LevelSkips, m.StartedAboveL1);

    static string Hours(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
