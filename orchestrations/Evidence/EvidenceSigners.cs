using AgentTrust.Domain.Evidence.Signing;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// The two keys of the evidence log: <see cref="Records"/> signs every record's DSSE envelope (a local key, so
/// throughput is not bound to a remote service) and <see cref="Checkpoints"/> signs the log's tree heads (Key
/// Vault in production, a local key offline). Both public keys are published next to the evidence.
/// </summary>
public sealed record EvidenceSigners(ISigner Records, ISigner Checkpoints);
