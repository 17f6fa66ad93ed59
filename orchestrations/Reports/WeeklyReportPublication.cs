namespace AgentTrust.Orchestrations.Reports;

/// <summary>The result of publishing a week: the report that stands for it, and whether this call published it.</summary>
public sealed record WeeklyReportPublication(PublishedWeeklyReport Report, bool PublishedNow);
