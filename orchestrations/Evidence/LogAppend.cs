namespace AgentTrust.Orchestrations.Evidence;

/// <summary>A record to append to an agent's log: its name (the idempotency key), leaf hash and where its bytes are.</summary>
public sealed record LogAppend(string Record, byte[] LeafHash, RecordLocation? Location);
