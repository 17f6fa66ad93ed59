using AgentTrust.Domain.Evidence.Merkle;

namespace AgentTrust.Domain.Evidence.Packages;

/// <summary>
/// Proof that a record is in its agent's log: its leaf index and hash, the audit path (base64 hashes, RFC 6962) to
/// the root of a signed checkpoint, and that checkpoint. Anyone with the public key can check it without storage.
/// </summary>
public sealed record RecordInclusionProof(string Record, string Log, long Index, string LeafHash, Checkpoint Checkpoint, IReadOnlyList<string> AuditPath);
