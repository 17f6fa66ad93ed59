namespace AgentTrust.Domain.Reports;

/// <summary>The charts of a weekly report: file name (under <c>charts/</c>) and caption, in the order the page shows them.</summary>
public static class ReportCharts
{
    public const string TrustConduct = "trust-conduct.png";
    public const string TrustOutcome = "trust-outcome.png";
    public const string MetricsMttr = "metrics-mttr.png";
    public const string MetricsRates = "metrics-rates.png";
    public const string Decisions = "decisions.png";
    public const string ApprovalLatency = "approval-latency.png";

    public static IReadOnlyList<(string File, string Caption)> All { get; } =
    [
        (TrustConduct, "Conduct trust over time, per agent and lane (mean, daily)"),
        (TrustOutcome, "Outcome trust over time, per agent and lane (mean, daily)"),
        (MetricsMttr, "MTTR per week, agents and humans (hours)"),
        (MetricsRates, "Reopen rate and change failure rate per week"),
        (Decisions, "Decisions in the week, by outcome"),
        (ApprovalLatency, "Approvals answered in the week: latency"),
    ];
}
