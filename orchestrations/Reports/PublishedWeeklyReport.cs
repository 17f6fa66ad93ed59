namespace AgentTrust.Orchestrations.Reports;

/// <summary>
/// The marker of a published week (<c>{week}/published.json</c>): which run's files are the report, when it was
/// published, and what it holds. Written once per week; a later run never replaces it.
/// </summary>
public sealed record PublishedWeeklyReport(
    string Week, string RunId, DateTimeOffset PublishedAt, IReadOnlyList<string> Files, bool Packaged, int EvidenceRecords, int UnreadableRecords);
