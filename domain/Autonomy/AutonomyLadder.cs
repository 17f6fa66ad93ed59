using System.Globalization;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Domain.Autonomy;

/// <summary>
/// The autonomy ladder: a pure, deterministic function from the pact's rules, the lane's current state and one signal
/// to the next state and what changed. Demotion is immediate (a consequence path jumps straight to its tier; a trust
/// lower bound below the demotion bar takes one step); promotion is slow (one step, only after the bar has been met for
/// the pact's number of consecutive evaluations, with enough evidence, after the minimum dwell, with the error budget
/// intact); the bars are apart (checked at load), so the same scores never both demote and promote: no flapping.
/// The error budget and the bond hold the tier down while breached or exhausted and let go when the window rolls.
/// A pact with a red-team bar (<c>promotion.redteam</c>) also holds the last step, supervised to autonomous, until the
/// agent's latest run in the lane passed it: the caller reads that run and passes its <see cref="RedTeamClearance"/>
/// (none given counts as not passed). The hold is the tier's reason and, when it starts or its cause changes, a
/// <c>promotion-held</c> tier-change record.
/// </summary>
public static class AutonomyLadder
{
    /// <summary>Below this many events a trust dimension says too little for consequences when the pact has no demotion rule.</summary>
    public const int DefaultMinEvents = 10;

    public static AutonomyStep Step(Pact pact, AutonomyState? current, AutonomySignal signal, RedTeamClearance? redTeam = null)
    {
        ArgumentNullException.ThrowIfNull(pact);
        ArgumentNullException.ThrowIfNull(signal);
        var policy = pact.Autonomy ?? new AutonomyPolicy();
        var state = current ?? AutonomyState.Start(pact.AgentId, pact.Lane, policy, signal.At);
        if (signal.Kind != AutonomySignalKind.Tick && state.Applied.Contains(signal.Id, StringComparer.Ordinal))
        {
            return new AutonomyStep(state, false, [], []);
        }

        var before = Effective(policy, state);
        var now = state.Buckets.Count > 0 && state.Buckets[^1].Hour > signal.At ? state.Buckets[^1].Hour : signal.At;
        var window = Math.Max(policy.ErrorBudget?.WindowHours ?? 1, MaxViolationWindow(pact));
        var buckets = Prune(state.Buckets, now, window);
        var day = DayOf(now) > state.Day ? DayOf(now) : state.Day;
        var spent = day > state.Day ? 0 : state.SpentToday;
        var tier = state.Tier;
        var sustained = state.Sustained;
        var bond = state.Bond;
        var hold = state.PromotionHeld;
        var reasons = new List<string>();
        var notify = new List<string>();
        var ledger = new List<LedgerEntry>();
        var trigger = signal.Kind.ToString().ToLowerInvariant();

        if (signal.Kind == AutonomySignalKind.Trust)
        {
            if (signal.At > now - TimeSpan.FromHours(window))
            {
                buckets = Add(buckets, HourOf(signal.At), signal.Bad, signal.Violations);
            }

            var fired = false;
            foreach (var path in pact.Consequences ?? [])
            {
                if (Fires(path, signal, buckets, now, policy) is not { } why)
                {
                    continue;
                }

                fired = true;
                trigger = "consequence:" + path.Id;
                if (path.Then > tier)
                {
                    tier = path.Then;
                    reasons.Add($"consequence '{path.Id}': {why}");
                    notify.AddRange(path.Notify ?? []);
                }

                if (path.Slash is > 0 && bond is { } held)
                {
                    bond = Math.Max(0, held - path.Slash.Value);
                    ledger.Add(new LedgerEntry(
                        state.AgentId, state.Lane, signal.At, "slash", path.Slash.Value, spent, policy.Ledger?.AutonomousActionsPerDay, bond,
                        $"consequence '{path.Id}': {why}", signal.Id, signal.ActionId));
                }
            }

            if (!fired && policy.Demotion is { } demotion && tier < demotion.Floor && signal.Score is { } scored
                && LowestInformative(scored, demotion.MinEvents) is { } low && low.Bound < demotion.BelowLowerBound)
            {
                tier += 1;
                trigger = "demotion";
                reasons.Add(Invariant($"{low.Dimension} lower bound {low.Bound:0.###} fell below the demotion bar {demotion.BelowLowerBound:0.###}"));
            }
        }

        var breached = Breached(policy.ErrorBudget, buckets, now, out var budgetText);
        if (signal.Kind == AutonomySignalKind.Trust)
        {
            if (tier != state.Tier)
            {
                sustained = 0;
            }
            else if (policy.Promotion is { } promotion && signal.Score is { } score)
            {
                var meets = Meets(score, promotion) && !breached;
                sustained = meets ? sustained + 1 : 0;
                hold = meets ? hold : null;
                var dwelt = (now - state.Since).TotalHours >= promotion.MinDwellHours;
                if (meets && sustained >= promotion.Sustained && dwelt && tier > promotion.Ceiling
                    && (tier != AutonomyTier.Suspended || promotion.FromSuspended))
                {
                    var earned = Invariant(
                        $"conduct {score.Conduct.LowerBound:0.###} and outcome {score.Outcome.LowerBound:0.###} lower bounds met the promotion bar {promotion.MinLowerBound:0.###} for {promotion.Sustained} evaluations with {score.Conduct.Events} conduct events");
                    var gated = tier - 1 == AutonomyTier.Autonomous && GatedByRedTeam(pact);
                    if (gated && redTeam is not { Passed: true })
                    {
                        // The scores earned it, the adversarial suite has not: stay, keep counting, and say why once.
                        var cause = "red-team bar not met (" + (redTeam?.Detail ?? RedTeamClearance.NoRun.Detail) + ")";
                        if (!string.Equals(hold, cause, StringComparison.Ordinal))
                        {
                            trigger = "promotion-held";
                            reasons.Add("promotion held: " + cause + "; " + earned);
                        }

                        hold = cause;
                    }
                    else
                    {
                        tier -= 1;
                        sustained = 0;
                        trigger = "promotion";
                        reasons.Add(gated ? earned + "; red-team bar met (" + redTeam!.Detail + ")" : earned);
                    }
                }
            }
        }
        else if (signal.Kind == AutonomySignalKind.Spend && policy.Ledger?.AutonomousActionsPerDay is { } allowance)
        {
            spent += 1;
            ledger.Add(new LedgerEntry(
                state.AgentId, state.Lane, signal.At, "spend", 1, spent, allowance, bond,
                Invariant($"autonomous action {spent} of {allowance} today"), signal.Id, signal.ActionId));
        }

        if (breached != state.BudgetBreached)
        {
            reasons.Add(breached ? "error budget breached: " + budgetText : "error budget recovered as the window rolled: " + budgetText);
            if (trigger is "trust" or "tick" or "spend")
            {
                trigger = breached ? "budget-breach" : "budget-recovery";
            }
        }

        var next = state with
        {
            Tier = tier,
            Since = tier != state.Tier ? now : state.Since,
            Sustained = sustained,
            Buckets = buckets,
            BudgetBreached = breached,
            Day = day,
            SpentToday = spent,
            Bond = bond,
            PromotionHeld = tier != state.Tier ? null : hold,
            Applied = signal.Kind == AutonomySignalKind.Tick ? state.Applied : [.. state.Applied.TakeLast(AutonomyState.MaxApplied - 1), signal.Id],
        };
        var after = Effective(policy, next);
        if (state.Bond > 0 && bond <= 0)
        {
            reasons.Add("the bond is exhausted");
        }

        var changes = new List<TierChange>();
        var holdStarted = trigger == "promotion-held";
        if (after != before || tier != state.Tier || breached != state.BudgetBreached || holdStarted)
        {
            var reason = reasons.Count > 0 ? string.Join("; ", reasons) : "the tier follows the ladder";
            next = next with { Reason = reason };
            changes.Add(new TierChange(
                state.AgentId, state.Lane, signal.At, before, after, tier, breached, reason, trigger,
                signal.Kind == AutonomySignalKind.Tick ? null : signal.Id, signal.ActionId, notify.Count > 0 ? [.. notify.Distinct(StringComparer.Ordinal)] : null));
        }

        var changed = signal.Kind != AutonomySignalKind.Tick || changes.Count > 0 || day != state.Day || buckets.Count != state.Buckets.Count;
        return new AutonomyStep(changed ? next : state, changed, changes, ledger);
    }

    /// <summary>The tier actions are decided under: the ladder's tier, held down by a breached budget or an exhausted bond.</summary>
    public static AutonomyTier Effective(AutonomyPolicy policy, AutonomyState state)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        var tier = state.Tier;
        if (state.BudgetBreached && policy.ErrorBudget is { } budget && budget.OnBreach > tier)
        {
            tier = budget.OnBreach;
        }

        if (policy.Ledger is { Bond: > 0 } terms && state.Bond <= 0 && terms.OnBondExhausted > tier)
        {
            tier = terms.OnBondExhausted;
        }

        return tier;
    }

    /// <summary>
    /// What a decision at <paramref name="now"/> sees: the effective tier (the pact's starting tier for a lane with no
    /// state yet), the trust bounds, and whether the day's autonomous actions are spent.
    /// </summary>
    public static AutonomyStanding Standing(Pact pact, AutonomyState? state, TrustScore? score, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var policy = pact.Autonomy ?? new AutonomyPolicy();
        var tier = state is null ? policy.Tier : Effective(policy, state);
        var spent = state is not null && DayOf(now) == state.Day ? state.SpentToday : 0;
        var exhausted = policy.Ledger?.AutonomousActionsPerDay is { } allowance && spent >= allowance;
        return new AutonomyStanding(tier, score?.Conduct.LowerBound, score?.Outcome.LowerBound, exhausted, state?.Reason ?? "the pact's starting tier");
    }

    /// <summary>
    /// Whether the pact's autonomy can move at all (a ladder rule, a budget, a ledger or a consequence path) or its
    /// decisions need trust bounds (a downside requirement on trust). When not, the pact's tier holds for good and the
    /// loop skips the autonomy store.
    /// </summary>
    public static bool Moves(Pact pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var a = pact.Autonomy;
        return a is { Promotion: not null } or { Demotion: not null } or { ErrorBudget: not null } or { Ledger: not null }
            || pact.Consequences is { Count: > 0 }
            || pact.Downside is { Medium.MinLowerBound: not null } or { High.MinLowerBound: not null };
    }

    /// <summary>True when the pact's red-team bar gates its promotion to autonomous (a <c>promotion.redteam</c> bar and a ladder).</summary>
    public static bool GatedByRedTeam(Pact pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        return pact.Promotion?.RedTeam is not null && pact.Autonomy?.Promotion is not null;
    }

    /// <summary>
    /// Whether a trust signal now could promote the agent to autonomous past the red-team gate: the pact is gated and the
    /// ladder's tier is supervised. Only then need a caller read the agent's red-team runs.
    /// </summary>
    public static bool NeedsRedTeamClearance(Pact pact, AutonomyState? state)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var policy = pact.Autonomy ?? new AutonomyPolicy();
        return GatedByRedTeam(pact) && policy.Promotion!.Ceiling == AutonomyTier.Autonomous && (state?.Tier ?? policy.Tier) == AutonomyTier.Supervised;
    }

    public static DateTimeOffset DayOf(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);

    static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    static string? Fires(ConsequencePath path, AutonomySignal signal, IReadOnlyList<BudgetBucket> buckets, DateTimeOffset now, AutonomyPolicy policy)
    {
        switch (path.On)
        {
            case ConsequenceTrigger.CriticalViolation when signal.Critical:
                return "a critical clause was violated";
            case ConsequenceTrigger.ViolationCount when signal.Violations > 0 && path.Threshold is { } count:
                var hours = path.WindowHours ?? 24;
                var seen = buckets.Where(b => b.Hour > now - TimeSpan.FromHours(hours)).Sum(b => b.Violations);
                return seen >= count ? Invariant($"{seen} violations within {hours} hours (threshold {count})") : null;
            case ConsequenceTrigger.TrustBelow when signal.Score is { } score && path.Threshold is { } threshold:
                var low = LowestInformative(score, policy.Demotion?.MinEvents ?? DefaultMinEvents);
                return low is { } l && l.Bound * 100 < threshold ? Invariant($"{l.Dimension} trust {l.Bound * 100:0.#} is below {threshold}") : null;
            default:
                return null;
        }
    }

    /// <summary>The lower of the two lower bounds among dimensions with enough events to mean something; null when neither has.</summary>
    static (string Dimension, double Bound)? LowestInformative(TrustScore score, int minEvents)
    {
        (string, double)? low = null;
        if (score.Conduct.Events >= minEvents)
        {
            low = ("conduct", score.Conduct.LowerBound);
        }

        if (score.Outcome.Events >= minEvents && (low is null || score.Outcome.LowerBound < low.Value.Item2))
        {
            low = ("outcome", score.Outcome.LowerBound);
        }

        return low;
    }

    /// <summary>
    /// The promotion bar: conduct with enough events and its bound over the bar; outcome's bound over the bar once it has
    /// enough events, and before that at least no net harm (its mean not below the prior's), since outcomes arrive late
    /// and an agent in shadow has none.
    /// </summary>
    static bool Meets(TrustScore score, PromotionRule rule) =>
        score.Conduct.Events >= rule.MinEvents && score.Conduct.LowerBound >= rule.MinLowerBound
        && (score.Outcome.Events >= rule.MinEvents ? score.Outcome.LowerBound >= rule.MinLowerBound : score.Outcome.Mean >= 0.5);

    static bool Breached(ErrorBudgetPolicy? budget, IReadOnlyList<BudgetBucket> all, DateTimeOffset now, out string text)
    {
        text = string.Empty;
        if (budget is null)
        {
            return false;
        }

        var buckets = all.Where(b => b.Hour > now - TimeSpan.FromHours(budget.WindowHours)).ToList();
        var bad = buckets.Sum(b => b.Bad);
        var total = bad + buckets.Sum(b => b.Good);
        var allowed = 1 - budget.Objective;
        text = Invariant($"{bad} bad of {total} events in {budget.WindowHours} h (objective {budget.Objective:0.###}, budget {allowed:0.###} of events, at least {budget.MinEvents} events)");
        // Rounded so that exactly the budget (2 bad of 10 at 0.8) is not a breach because 1 - 0.8 is 0.19999999999999996.
        return total >= budget.MinEvents && bad > Math.Round(allowed * total, 9);
    }

    static List<BudgetBucket> Prune(IReadOnlyList<BudgetBucket> buckets, DateTimeOffset now, int windowHours) =>
        [.. buckets.Where(b => b.Hour > now - TimeSpan.FromHours(windowHours))];

    static List<BudgetBucket> Add(List<BudgetBucket> buckets, DateTimeOffset hour, bool bad, int violations)
    {
        var index = buckets.FindIndex(b => b.Hour == hour);
        var bucket = index >= 0 ? buckets[index] : new BudgetBucket(hour, 0, 0, 0);
        bucket = bucket with { Good = bucket.Good + (bad ? 0 : 1), Bad = bucket.Bad + (bad ? 1 : 0), Violations = bucket.Violations + violations };
        if (index >= 0)
        {
            buckets[index] = bucket;
        }
        else
        {
            buckets.Add(bucket);
            buckets.Sort((a, b) => a.Hour.CompareTo(b.Hour));
        }

        return buckets;
    }

    /// <summary>The buckets also count violations for the longest violation-count window (24 hours when none is stated).</summary>
    static int MaxViolationWindow(Pact pact) =>
        Math.Max(1, (pact.Consequences ?? []).Where(c => c.On == ConsequenceTrigger.ViolationCount).Select(c => c.WindowHours ?? 24).DefaultIfEmpty(1).Max());

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
