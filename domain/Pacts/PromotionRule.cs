namespace AgentTrust.Domain.Pacts;

/// <summary>
/// When the agent earns one step more autonomy (suspended to shadow only when <paramref name="FromSuspended"/>, shadow
/// to supervised, supervised to autonomous, never above <paramref name="Ceiling"/>): both trust lower bounds at least
/// <paramref name="MinLowerBound"/> (0-1) with at least <paramref name="MinEvents"/> conduct events, held for
/// <paramref name="Sustained"/> consecutive trust evaluations, at least <paramref name="MinDwellHours"/> after the last
/// tier change, and the lane's error budget not breached. The bar sits above every demotion bar (checked when the pact
/// loads), so an agent promoted is not demoted again by the same scores: hysteresis.
/// </summary>
public sealed record PromotionRule(
    double MinLowerBound = 0.8,
    int MinEvents = 20,
    int Sustained = 5,
    double MinDwellHours = 24,
    AutonomyTier Ceiling = AutonomyTier.Autonomous,
    bool FromSuspended = false);
