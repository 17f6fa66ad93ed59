namespace AgentTrust.Domain.Reports;

/// <summary>
/// Everything a weekly report shows, computed from evidence records and stored weekly metrics only, with the names
/// of the evidence records behind it (they go into the compliance package with their inclusion proofs).
/// </summary>
/// <param name="TrendStart">First day of the trend window (trust and metrics charts go back to here).</param>
public sealed record WeeklyReport(
    IsoWeek Week,
    DateTimeOffset TrendStart,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<TrustSeries> Trust,
    IReadOnlyList<DecisionCount> Decisions,
    IReadOnlyList<ApprovalSample> Approvals,
    IReadOnlyList<MetricsWeek> Metrics,
    IReadOnlyList<string> EvidenceRecords)
{
    public int DecisionTotal => Decisions.Sum(d => d.Count);

    /// <summary>Latencies of the approvals a person answered (expired waits have none), in seconds, ascending.</summary>
    public IReadOnlyList<double> AnsweredLatencies => [.. Approvals.Where(a => a.LatencySeconds is not null).Select(a => a.LatencySeconds!.Value).Order()];

    /// <summary>The q-quantile (nearest rank) of answered approval latencies, or null when none was answered.</summary>
    public double? LatencyQuantile(double q)
    {
        var sorted = AnsweredLatencies;
        return sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
