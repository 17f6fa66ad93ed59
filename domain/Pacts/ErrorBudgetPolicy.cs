namespace AgentTrust.Domain.Pacts;

/// <summary>
/// The lane's autonomy error budget in SLO terms: <paramref name="Objective"/> is the share of good events (clean
/// decisions, good outcomes) the agent must keep over a rolling <paramref name="WindowHours"/>, so the budget is
/// 1 - objective of the events in the window. Violations and bad outcomes burn it. Once at least
/// <paramref name="MinEvents"/> events are in the window and the bad share exceeds the budget, the lane is breached:
/// the tier is held at <paramref name="OnBreach"/> or below until the window rolls past enough bad events.
/// </summary>
public sealed record ErrorBudgetPolicy(
    double Objective,
    int WindowHours = 168,
    int MinEvents = 10,
    AutonomyTier OnBreach = AutonomyTier.Supervised);
