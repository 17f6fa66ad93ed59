using System.Globalization;

namespace AgentTrust.Domain.Reports;

/// <summary>The tables both renderings share, as rows of cells (formatted once, so Markdown and HTML agree).</summary>
public static class ReportText
{
    public static string Title(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return F($"AgentTrust weekly report {report.Week} ({report.Week.Start:yyyy-MM-dd} to {report.Week.End.AddDays(-1):yyyy-MM-dd})");
    }

    public static (string[] Header, List<string[]> Rows) Headline(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var answered = report.AnsweredLatencies.Count;
        return (["measure", "value"],
        [
            ["decisions", F($"{report.DecisionTotal}")],
            .. Enum.GetValues<Decisions.DecisionKind>().Select(k => new[] { "  " + Kebab(k.ToString()), F($"{report.Decisions.Where(d => d.Kind == k).Sum(d => d.Count)}") }),
            ["approvals ended", F($"{report.Approvals.Count}")],
            ["approvals answered", F($"{answered}")],
            ["approval latency p50", Duration(report.LatencyQuantile(0.5))],
            ["approval latency p90", Duration(report.LatencyQuantile(0.9))],
            ["agents and lanes with trust evidence", F($"{report.Trust.Count}")],
            ["trust signals in the week", F($"{report.Trust.Sum(t => t.SignalsInWeek)}")],
            ["evidence records behind this report", F($"{report.EvidenceRecords.Count}")],
        ]);
    }

    public static (string[] Header, List<string[]> Rows) Trust(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (["agent", "lane", "conduct", "conduct low", "outcome", "outcome low", "signals (week)", "signals (all)"],
        [
            .. report.Trust.Select(t =>
            {
                var last = t.Points[^1];
                return new[] { t.AgentId, t.Lane, N(last.Conduct), N(last.ConductLowerBound), N(last.Outcome), N(last.OutcomeLowerBound), F($"{t.SignalsInWeek}"), F($"{last.Events}") };
            }),
        ]);
    }

    public static (string[] Header, List<string[]> Rows) Decisions(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (["lane", "outcome", "decisions"], [.. report.Decisions.Select(d => new[] { d.Lane, Kebab(d.Kind.ToString()), F($"{d.Count}") })]);
    }

    public static (string[] Header, List<string[]> Rows) Metrics(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (["week", "handler", "tickets", "MTTR (h)", "reopen rate", "change failure rate", "escalated", "bounced"],
        [
            .. report.Metrics.Select(m => new[]
            {
                F($"{m.WeekStart:yyyy-MM-dd}"), Kebab(m.Handler.ToString()), F($"{m.Tickets}"), m.MttrHours is { } h ? F($"{h:0.0}") : "-",
                Percent(m.ReopenRate), Percent(m.ChangeFailureRate), F($"{m.EscalatedIncidents}"), F($"{m.BouncedEscalations}"),
            }),
        ]);
    }

    /// <summary>Seconds as a person reads them: <c>42 s</c>, <c>3.5 min</c>, <c>2.0 h</c>; <c>-</c> for none.</summary>
    public static string Duration(double? seconds) => seconds switch
    {
        null => "-",
        < 120 => F($"{seconds.Value:0} s"),
        < 7200 => F($"{seconds.Value / 60:0.0} min"),
        _ => F($"{seconds.Value / 3600:0.0} h"),
    };

    public static string Percent(double? rate) => rate is { } r ? F($"{r * 100:0.0} %") : "-";

    public static string N(double value) => F($"{value:0.000}");

    public static string Kebab(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
