namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// One leaf of an agent's evidence log: its index, the record it names, the leaf hash (hex), and where the record's
/// bytes are when it was written in a batch (null: the record is the blob of its own name, the first layout).
/// </summary>
public sealed record LogEntry(long Index, string Record, string LeafHash, RecordLocation? Location = null);
