namespace AgentTrust.Orchestrations.Reports;

/// <summary>
/// Where and when the weekly report is published. Bound from <c>AgentTrust:Reports</c>. The Functions app publishes
/// on its weekly timer; the local host checks on <see cref="Interval"/> (publishing is idempotent per week).
/// </summary>
public sealed class WeeklyReportOptions
{
    public const string SectionName = "AgentTrust:Reports";

    /// <summary>The blob container holding published reports: <c>{week}/published.json</c> and <c>{week}/runs/{run}/...</c>.</summary>
    public string ContainerName { get; set; } = "reports";

    /// <summary>Weeks of trend shown in the charts.</summary>
    public int TrendWeeks { get; set; } = Domain.Reports.WeeklyReportBuilder.DefaultTrendWeeks;

    /// <summary>Whether the local host publishes reports by itself (the Functions timer ignores this).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the local host waits after start before its first check: short-lived hosts never publish.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the local host checks whether last week's report is published.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
