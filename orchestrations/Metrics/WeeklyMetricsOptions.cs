namespace AgentTrust.Orchestrations.Metrics;

/// <summary>Bound from <c>AgentTrust:Metrics</c>.</summary>
public sealed class WeeklyMetricsOptions
{
    public const string SectionName = "AgentTrust:Metrics";

    public string TableName { get; set; } = "AgentTrustWeeklyMetrics";

    /// <summary>How many weeks (including the current one) each run recomputes: late outcomes still land in their week.</summary>
    public int WeeksRecomputed { get; set; } = 5;

    /// <summary>How far before the first recomputed week outcomes are read, so tickets opened earlier keep their own week.</summary>
    public int WeeksOfHistory { get; set; } = 12;

    /// <summary>How often the local host recomputes (the Functions app runs hourly on its timer).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
