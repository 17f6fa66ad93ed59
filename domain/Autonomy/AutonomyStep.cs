namespace AgentTrust.Domain.Autonomy;

/// <summary>The ladder's answer: the next state (unchanged when the signal was seen before), and what changed, for evidence.</summary>
public sealed record AutonomyStep(AutonomyState State, bool Changed, IReadOnlyList<TierChange> TierChanges, IReadOnlyList<LedgerEntry> LedgerEntries);
