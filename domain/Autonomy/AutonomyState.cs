using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Autonomy;

/// <summary>
/// The live autonomy of one agent in one lane, as stored: the ladder's tier and since when, how many consecutive
/// evaluations met the promotion bar, the error budget's hourly buckets and whether it is breached, the ledger (the
/// day's autonomous actions spent and the bond left), and the ids of the latest signals applied (so a retried update
/// counts once), and why a promotion to autonomous the scores earned is held (the cause, e.g. the pact's red-team bar
/// not met, without the scores, so a hold is recorded again only when its cause changes; null when none is). The tier actions are decided under is <see cref="AutonomyLadder.Effective"/>: the ladder's tier held
/// down by a breached budget or an exhausted bond.
/// </summary>
public sealed record AutonomyState(
    string AgentId,
    string Lane,
    AutonomyTier Tier,
    DateTimeOffset Since,
    int Sustained,
    IReadOnlyList<BudgetBucket> Buckets,
    bool BudgetBreached,
    DateTimeOffset Day,
    int SpentToday,
    double? Bond,
    IReadOnlyList<string> Applied,
    string Reason,
    string? PromotionHeld = null)
{
    /// <summary>How many applied signal ids are kept to make retries idempotent: retries come within seconds.</summary>
    public const int MaxApplied = 64;

    /// <summary>A lane's first state: the pact's tier, the full bond, nothing spent.</summary>
    public static AutonomyState Start(string agentId, string lane, AutonomyPolicy policy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new AutonomyState(
            agentId, lane, policy.Tier, at, 0, [], false, AutonomyLadder.DayOf(at), 0, policy.Ledger?.Bond, [], "the pact's starting tier");
    }
}
