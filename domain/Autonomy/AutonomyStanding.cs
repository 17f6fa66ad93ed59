using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Autonomy;

/// <summary>
/// What a decision needs to know about the agent's live autonomy in the lane: the tier it acts under now, its trust
/// lower bounds (0-1, for the downside requirements; null when unknown), whether the day's autonomous actions are spent,
/// and why the tier is what it is.
/// </summary>
public sealed record AutonomyStanding(
    AutonomyTier Tier,
    double? ConductLowerBound,
    double? OutcomeLowerBound,
    bool ActionBudgetExhausted,
    string Reason)
{
    /// <summary>The lower of both bounds; null when either is unknown.</summary>
    public double? LowerBound => ConductLowerBound is { } c && OutcomeLowerBound is { } o ? Math.Min(c, o) : null;
}
