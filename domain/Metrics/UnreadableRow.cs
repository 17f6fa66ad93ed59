namespace AgentTrust.Domain.Metrics;

/// <summary>A row an importer could not read, reported instead of dropped: its line (1-based, header is line 1) and why.</summary>
public sealed record UnreadableRow(long Line, string Reason);
