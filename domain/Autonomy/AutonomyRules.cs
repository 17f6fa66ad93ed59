using System.Globalization;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Autonomy;

/// <summary>
/// Checks a pact's autonomy rules when it loads. The one rule that keeps tiers from flapping is here: the promotion
/// bar must sit above every bar that demotes (the demotion bound and every <c>trust-below</c> consequence), so the
/// scores that earned a promotion can never, by themselves, take it back.
/// </summary>
public static class AutonomyRules
{
    public static IReadOnlyList<PactError> Check(AutonomyPolicy autonomy, IReadOnlyList<ConsequencePath>? consequences)
    {
        ArgumentNullException.ThrowIfNull(autonomy);
        var errors = new List<PactError>();
        if (autonomy.Promotion is { } promotion)
        {
            if (promotion.MinLowerBound is <= 0 or > 1 or double.NaN)
            {
                errors.Add(new PactError("autonomy.promotion.minLowerBound", "must be a number above 0 and at most 1"));
            }

            if (promotion.Sustained < 1)
            {
                errors.Add(new PactError("autonomy.promotion.sustained", "must be at least 1 evaluation"));
            }

            if (promotion.MinEvents < 0 || promotion.MinDwellHours is < 0 or double.NaN)
            {
                errors.Add(new PactError("autonomy.promotion", "minEvents and minDwellHours cannot be negative"));
            }

            if (autonomy.Demotion is { } demotion && promotion.MinLowerBound <= demotion.BelowLowerBound)
            {
                errors.Add(new PactError(
                    "autonomy.promotion.minLowerBound",
                    Invariant($"must be above autonomy.demotion.belowLowerBound ({demotion.BelowLowerBound}), or the tier would flap between the two")));
            }

            for (var i = 0; i < (consequences?.Count ?? 0); i++)
            {
                if (consequences![i] is { On: ConsequenceTrigger.TrustBelow, Threshold: { } threshold } && promotion.MinLowerBound * 100 <= threshold)
                {
                    errors.Add(new PactError(
                        "autonomy.promotion.minLowerBound",
                        Invariant($"must be above consequence '{consequences[i].Id}' threshold ({threshold / 100}), or the tier would flap between the two")));
                }
            }
        }

        if (autonomy.Demotion is { BelowLowerBound: < 0 or > 1 or double.NaN })
        {
            errors.Add(new PactError("autonomy.demotion.belowLowerBound", "must be a number from 0 to 1"));
        }

        if (autonomy.ErrorBudget is { } budget)
        {
            if (budget.Objective is <= 0 or >= 1 or double.NaN)
            {
                errors.Add(new PactError("autonomy.errorBudget.objective", "must be a share of good events above 0 and below 1, e.g. 0.95"));
            }

            if (budget.WindowHours < 1 || budget.MinEvents < 1)
            {
                errors.Add(new PactError("autonomy.errorBudget", "windowHours and minEvents must be at least 1"));
            }
        }

        if (autonomy.Ledger is { } ledger && (ledger.AutonomousActionsPerDay < 0 || ledger.Bond is < 0 or double.NaN))
        {
            errors.Add(new PactError("autonomy.ledger", "autonomousActionsPerDay and bond cannot be negative"));
        }

        for (var i = 0; i < (consequences?.Count ?? 0); i++)
        {
            var path = consequences![i];
            if (path is null)
            {
                continue;
            }

            if (path.On is ConsequenceTrigger.ViolationCount or ConsequenceTrigger.TrustBelow && path.Threshold is null)
            {
                errors.Add(new PactError($"consequences[{i}].threshold", $"'{Name(path.On)}' needs a threshold"));
            }

            if (path.On == ConsequenceTrigger.TrustBelow && path.Threshold > 100)
            {
                errors.Add(new PactError($"consequences[{i}].threshold", "a trust threshold is 0-100"));
            }

            if (path.Slash is < 0 or double.NaN)
            {
                errors.Add(new PactError($"consequences[{i}].slash", "cannot be negative"));
            }
        }

        return errors;
    }

    static string Name(ConsequenceTrigger trigger) => trigger switch
    {
        ConsequenceTrigger.CriticalViolation => "critical-violation",
        ConsequenceTrigger.ViolationCount => "violation-count",
        _ => "trust-below",
    };

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
