namespace AgentTrust.Domain.Evidence;

/// <summary>Where a record was stored and the digest of its bytes, the link the next record chains to.</summary>
public sealed record EvidenceReceipt(string Location, string Digest, int Sequence);
