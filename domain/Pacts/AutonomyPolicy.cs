namespace AgentTrust.Domain.Pacts;

/// <summary>
/// When the agent may act alone. <paramref name="Tier"/> is the starting tier of the agent in the lane; from then on
/// the live tier follows trust (<see cref="Autonomy.AutonomyLadder"/>): <paramref name="Promotion"/> and
/// <paramref name="Demotion"/> move it one step at a time, the pact's consequence paths move it at once,
/// <paramref name="ErrorBudget"/> constrains it while the lane's budget is breached, and <paramref name="Ledger"/>
/// caps autonomous actions per day and holds the bond violations slash. A pact that states none of them keeps its
/// tier for good (the behaviour before tiers followed trust).
/// </summary>
public sealed record AutonomyPolicy(
    AutonomyTier Tier = AutonomyTier.Autonomous,
    double MinConfidence = 0.8,
    PromotionRule? Promotion = null,
    DemotionRule? Demotion = null,
    ErrorBudgetPolicy? ErrorBudget = null,
    LedgerTerms? Ledger = null);
