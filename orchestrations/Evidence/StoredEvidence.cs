namespace AgentTrust.Orchestrations.Evidence;

/// <summary>A stored evidence record: where it is, its digest, and its bytes as stored.</summary>
public sealed record StoredEvidence(string Location, string Digest, ReadOnlyMemory<byte> Content);
