namespace AgentTrust.Domain.Evidence;

/// <summary>
/// Where a record was stored, the digest of its bytes (the link the next record chains to), its place in the
/// action's chain and its leaf index in the agent's Merkle log.
/// </summary>
/// <param name="Existing">
/// A record of that name was stored before this append (a retry): the first one stands, this receipt is for it, and
/// its content may differ from the draft appended now (e.g. a time taken again by a re-run workflow step). Callers
/// that act on the content act on the stored record's.
/// </param>
public sealed record EvidenceReceipt(string Location, string Digest, int Sequence, long LeafIndex = -1, bool Existing = false);
