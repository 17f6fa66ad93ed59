using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Autonomy;

/// <summary>
/// A change of an agent's autonomy in a lane, as evidence (<c>tier-change</c>): the tier actions were decided under
/// before and after (<paramref name="From"/>, <paramref name="To"/>), the ladder's own tier after (before any budget or
/// bond constraint), whether the error budget is breached, why, and what set it off.
/// </summary>
public sealed record TierChange(
    string AgentId,
    string Lane,
    DateTimeOffset At,
    AutonomyTier From,
    AutonomyTier To,
    AutonomyTier LadderTier,
    bool BudgetBreached,
    string Reason,
    string Trigger,
    string? SignalId = null,
    string? ActionId = null,
    IReadOnlyList<string>? Notify = null);
