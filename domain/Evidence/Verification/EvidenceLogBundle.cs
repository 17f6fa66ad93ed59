using AgentTrust.Domain.Evidence.Merkle;

namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>One agent's log: its leaves in index order, its signed checkpoints, and records stored but not logged.</summary>
public sealed record EvidenceLogBundle(string LogId, IReadOnlyList<BundledRecord> Leaves, IReadOnlyList<Checkpoint> Checkpoints, IReadOnlyList<BundledRecord> Unlogged);
