using AgentTrust.Domain.Reports;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>
/// A week's report built in memory: every file by relative path (forward slashes), whether it is a signed evidence
/// package, how many evidence records it rests on, and how many stored records could not be read.
/// </summary>
public sealed record WeeklyReportContent(IsoWeek Week, IReadOnlyDictionary<string, byte[]> Files, bool Packaged, int EvidenceRecords, int UnreadableRecords);
