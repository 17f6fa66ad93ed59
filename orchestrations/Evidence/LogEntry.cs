namespace AgentTrust.Orchestrations.Evidence;

/// <summary>One leaf of an agent's evidence log: its index, the record it names and the leaf hash (hex).</summary>
public sealed record LogEntry(long Index, string Record, string LeafHash);
