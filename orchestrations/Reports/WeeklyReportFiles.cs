namespace AgentTrust.Orchestrations.Reports;

/// <summary>What a report run wrote: the folder, every file (relative path), and whether it is a signed package.</summary>
public sealed record WeeklyReportFiles(string Directory, IReadOnlyList<string> Files, bool Packaged, int EvidenceRecords, int UnreadableRecords);
