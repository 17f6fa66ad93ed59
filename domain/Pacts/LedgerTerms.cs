namespace AgentTrust.Domain.Pacts;

/// <summary>
/// The agent's economic terms in the lane: at most <paramref name="AutonomousActionsPerDay"/> actions applied without a
/// human per UTC day (once spent, every action needs approval until the day ends), and a <paramref name="Bond"/> of
/// credits that consequence paths slash (<see cref="ConsequencePath.Slash"/>); a bond slashed to nothing holds the
/// tier at <paramref name="OnBondExhausted"/> or below.
/// </summary>
public sealed record LedgerTerms(
    int? AutonomousActionsPerDay = null,
    double? Bond = null,
    AutonomyTier OnBondExhausted = AutonomyTier.Supervised);
