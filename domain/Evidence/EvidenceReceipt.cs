namespace AgentTrust.Domain.Evidence;

/// <summary>
/// Where a record was stored, the digest of its bytes (the link the next record chains to), its place in the
/// action's chain and its leaf index in the agent's Merkle log.
/// </summary>
public sealed record EvidenceReceipt(string Location, string Digest, int Sequence, long LeafIndex = -1);
