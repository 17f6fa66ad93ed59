using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Domain.Reports;

/// <summary>
/// Computes a weekly report from evidence records and stored weekly metrics. Trust over time is refolded from the
/// trust-change records up to each day (so the chart is what the evidence proves, not what a table says); decisions
/// and approvals are the decision and approval records that fall in the week.
/// </summary>
public static class WeeklyReportBuilder
{
    /// <summary>Weeks of trend (trust and metrics charts) ending with the report week.</summary>
    public const int DefaultTrendWeeks = 4;

    public static WeeklyReport Build(
        IsoWeek week,
        IEnumerable<ReportEvidence> records,
        IEnumerable<WeeklyMetrics> metrics,
        TrustParameters parameters,
        DateTimeOffset generatedAt,
        int trendWeeks = DefaultTrendWeeks)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(trendWeeks, 1);
        var trendStart = week.Start.AddDays(-7 * (trendWeeks - 1));
        var used = new List<string>();
        var signals = new List<TrustSignal>();
        var decisions = new List<(string Lane, DecisionKind Kind)>();
        var approvals = new List<ApprovalSample>();
        foreach (var record in records)
        {
            var draft = record.Draft;
            switch (draft.Kind)
            {
                // Every trust change up to the week's end: the score on any day depends on all evidence before it.
                case EvidenceKinds.TrustChange when draft.OccurredAt < week.End:
                    signals.Add(draft.Payload.Deserialize<TrustChangeRecord>(JsonDefaults.Options)?.Signal
                        ?? throw new FormatException($"trust-change record '{record.Name}' has no signal"));
                    used.Add(record.Name);
                    break;
                case EvidenceKinds.Decision when InWeek(draft, week):
                    var decision = Governed(record).Deserialize<Decision>(JsonDefaults.Options)
                        ?? throw new FormatException($"decision record '{record.Name}' is empty");
                    decisions.Add((draft.Lane, decision.Kind));
                    used.Add(record.Name);
                    break;
                case EvidenceKinds.Approval when InWeek(draft, week):
                    var approval = Governed(record).Deserialize<ApprovalRecord>(JsonDefaults.Options)
                        ?? throw new FormatException($"approval record '{record.Name}' is empty");
                    approvals.Add(new ApprovalSample(draft.AgentId, draft.Lane, draft.ActionId, approval.Outcome, approval.Approver is null ? null : Latency(approval), approval.Rung, approval.DecidedAt));
                    used.Add(record.Name);
                    break;
            }
        }

        return new WeeklyReport(
            week,
            trendStart,
            generatedAt,
            TrustOverTime(signals, week, trendStart, parameters),
            [.. decisions.GroupBy(d => d).Select(g => new DecisionCount(g.Key.Lane, g.Key.Kind, g.Count()))
                .OrderBy(d => d.Lane, StringComparer.Ordinal).ThenBy(d => d.Kind)],
            [.. approvals.OrderBy(a => a.DecidedAt).ThenBy(a => a.ActionId, StringComparer.Ordinal)],
            MetricsTrend(metrics, DateOnly.FromDateTime(trendStart.UtcDateTime), DateOnly.FromDateTime(week.Start.UtcDateTime)),
            [.. used.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The governed loop records each step as <c>{"pactHash": …, "record": step}</c>; this is the step.</summary>
    static JsonElement Governed(ReportEvidence evidence) =>
        evidence.Draft.Payload.ValueKind == JsonValueKind.Object && evidence.Draft.Payload.TryGetProperty("record", out var step) && step.ValueKind == JsonValueKind.Object
            ? step
            : throw new FormatException($"{evidence.Draft.Kind} record '{evidence.Name}' has no 'record' object");

    static bool InWeek(EvidenceDraft draft, IsoWeek week) => draft.OccurredAt >= week.Start && draft.OccurredAt < week.End;

    /// <summary>The recorded latency, or decided minus requested for records written before latency was.</summary>
    static double? Latency(ApprovalRecord approval) =>
        approval.LatencySeconds ?? (approval.RequestedAt is { } requested ? (approval.DecidedAt - requested).TotalSeconds : null);

    static List<TrustSeries> TrustOverTime(List<TrustSignal> signals, IsoWeek week, DateTimeOffset trendStart, TrustParameters parameters)
    {
        var series = new List<TrustSeries>();
        foreach (var group in signals.GroupBy(s => (s.AgentId, s.Lane)).OrderBy(g => g.Key.AgentId, StringComparer.Ordinal).ThenBy(g => g.Key.Lane, StringComparer.Ordinal))
        {
            // Time order, as the recomputation folds them (the fold also handles late ones, but order makes it exact).
            // Each signal counts once, as in the store and the recomputation: a signal can be recorded more than once
            // (a retried write, a redelivered outcome), and the fold is keyed by its id.
            var ordered = group.DistinctBy(s => s.SignalId, StringComparer.Ordinal).OrderBy(s => s.OccurredAt).ThenBy(s => s.SignalId, StringComparer.Ordinal).ToList();
            var state = TrustState.New(group.Key.AgentId, group.Key.Lane);
            var next = 0;
            var points = new List<TrustPoint>();
            for (var at = trendStart; at <= week.End; at = at.AddDays(1))
            {
                while (next < ordered.Count && ordered[next].OccurredAt <= at)
                {
                    state = TrustFold.Apply(state, ordered[next++], parameters);
                }

                var score = TrustScoring.Score(state, at, parameters);
                points.Add(new TrustPoint(at, score.Conduct.Mean, score.Conduct.LowerBound, score.Outcome.Mean, score.Outcome.LowerBound, state.Events));
            }

            series.Add(new TrustSeries(group.Key.AgentId, group.Key.Lane, points, ordered.Count(s => s.OccurredAt >= week.Start && s.OccurredAt < week.End)));
        }

        return series;
    }

    static List<MetricsWeek> MetricsTrend(IEnumerable<WeeklyMetrics> rows, DateOnly from, DateOnly to) =>
    [
        .. rows
            .Where(r => r.WeekStart >= from && r.WeekStart <= to)
            .GroupBy(r => (r.WeekStart, r.Handler))
            .OrderBy(g => g.Key.WeekStart).ThenBy(g => g.Key.Handler)
            .Select(g =>
            {
                var m = g.Select(r => r.Metrics).ToList();
                var resolved = m.Sum(x => x.ResolvedIncidents);
                var hours = m.Where(x => x.MttrHours is not null).Sum(x => x.MttrHours!.Value * x.ResolvedIncidents);
                var reopened = m.Sum(x => x.ReopenedIncidents);
                var changes = m.Sum(x => x.Changes);
                var failed = m.Sum(x => x.FailedChanges);
                return new MetricsWeek(
                    g.Key.WeekStart, g.Key.Handler, m.Sum(x => x.Tickets), m.Sum(x => x.Incidents), resolved,
                    resolved == 0 ? null : Math.Round(hours / resolved, 4), reopened, resolved == 0 ? null : Math.Round((double)reopened / resolved, 4),
                    changes, failed, changes == 0 ? null : Math.Round((double)failed / changes, 4),
                    m.Sum(x => x.EscalatedIncidents), m.Sum(x => x.BouncedEscalations));
            }),
    ];
}
