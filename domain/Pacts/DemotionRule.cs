namespace AgentTrust.Domain.Pacts;

/// <summary>
/// When the agent loses one step of autonomy, at once: a trust lower bound (conduct or outcome, 0-1) below
/// <paramref name="BelowLowerBound"/> once that dimension has at least <paramref name="MinEvents"/> events (a bound
/// from fewer is too wide to mean anything). Score demotion stops at <paramref name="Floor"/>; consequence paths and the
/// error budget may go further.
/// </summary>
public sealed record DemotionRule(
    double BelowLowerBound = 0.6,
    int MinEvents = 10,
    AutonomyTier Floor = AutonomyTier.Supervised);
