using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Lanes.Readiness;

/// <summary>
/// Reads a pact's downside from what pacts carry today: the autonomy tier, the rate limit, a blast-radius clause,
/// critical clauses, consequence paths and the kinds of action allowed. This is the one extension point for richer
/// downside data: when pacts declare downside ratings or error budgets, read them here (and pass the budget as
/// <see cref="LaneEvidence.ErrorBudgetLeft"/>); the ranking itself only sees <see cref="DownsideProfile"/>.
/// </summary>
public static class PactDownside
{
    /// <summary>Weights of blast radius (inverted), reversibility and guardrails in containment.</summary>
    const double BlastWeight = 0.45;
    const double ReversibilityWeight = 0.35;
    const double GuardrailWeight = 0.20;

    /// <summary>Actions per hour at which the rate exposure is one half.</summary>
    const double HalfExposureRate = 100;

    // Action types by their first word. Advisory actions change nothing a person cannot simply ignore or edit back;
    // irreversible ones reach people or end work (a sent message cannot be unsent, a suppressed alert is not seen).
    static readonly string[] Advisory = ["annotate", "classify", "comment", "draft", "label", "link", "package", "recommend", "route", "suggest", "tag", "warn"];
    static readonly string[] Irreversible = ["approve", "close", "delete", "deploy", "execute", "merge", "notify", "publish", "reply", "send", "suppress"];

    public static DownsideProfile Assess(Pact pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        double? perHour = pact.RateLimit is { } limit ? limit.MaxActions * 60.0 / Math.Max(1, limit.WindowMinutes) : null;
        var capped = pact.Clauses.Any(c => c.Severity > ClauseSeverity.Info && c.Id.Contains("blast-radius", StringComparison.OrdinalIgnoreCase));

        // Exposure: how much can reach tickets unreviewed. No rate limit means no bound at all.
        var exposure = perHour is { } rate ? rate / (rate + HalfExposureRate) : 1.0;
        if (capped)
        {
            exposure *= 0.5;
        }

        exposure *= pact.Autonomy.Tier switch
        {
            AutonomyTier.Autonomous => 1.0,
            AutonomyTier.Supervised => 0.25, // a person reads every action first
            _ => 0.0,                        // shadow and suspended apply nothing
        };

        var scores = pact.AllowedActions.Select(ActionReversibility).ToList();
        var reversibility = scores.Count == 0 ? 1.0 : scores.Average();
        var irreversible = pact.AllowedActions.Where(a => ActionReversibility(a) == 0).Order(StringComparer.Ordinal).ToList();
        var critical = pact.Clauses.Count(c => c.Severity == ClauseSeverity.Critical);
        var consequences = pact.Consequences?.Count ?? 0;
        var guardrails = (consequences > 0 ? 0.6 : 0) + (critical > 0 ? 0.4 : 0);
        var containment = (BlastWeight * (1 - exposure)) + (ReversibilityWeight * reversibility) + (GuardrailWeight * guardrails);
        return new DownsideProfile(
            pact.AgentId, Round(exposure), Round(reversibility), Round(guardrails), Round(containment), perHour is { } p ? Round(p) : null,
            capped, pact.Autonomy.Tier, critical, consequences, irreversible);
    }

    /// <summary>1 advisory, 0 irreversible, 0.5 for everything else (state changes a person can revert with effort).</summary>
    public static double ActionReversibility(string actionType)
    {
        ArgumentNullException.ThrowIfNull(actionType);
        var verb = actionType.Split('-', 2)[0].ToLowerInvariant();
        return Array.IndexOf(Advisory, verb) >= 0 ? 1.0 : Array.IndexOf(Irreversible, verb) >= 0 ? 0.0 : 0.5;
    }

    static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToEven);
}
