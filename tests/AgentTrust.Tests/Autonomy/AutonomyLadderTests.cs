using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Autonomy;

public sealed class AutonomyLadderTests
{
    static readonly DateTimeOffset T0 = Samples.Now;

    static Pact PactWith(
        AutonomyTier start = AutonomyTier.Autonomous,
        PromotionRule? promotion = null,
        DemotionRule? demotion = null,
        ErrorBudgetPolicy? budget = null,
        LedgerTerms? ledger = null,
        IReadOnlyList<ConsequencePath>? consequences = null) =>
        Samples.ClassificationPact() with
        {
            Autonomy = new AutonomyPolicy(start, 0.8, promotion, demotion, budget, ledger),
            Consequences = consequences,
        };

    static TrustScore Score(double conductBound, double outcomeBound, long conductEvents = 50, long outcomeEvents = 50, double outcomeMean = 0.9) => new(
        "classifier-01", "incident-classification", T0,
        new DimensionScore(0.9, conductBound, 1, 1, conductEvents, conductEvents, 0, "steady"),
        new DimensionScore(outcomeMean, outcomeBound, 1, 1, outcomeEvents, outcomeEvents, 0, "steady"),
        0, null, null);

    static int counter;

    static AutonomySignal Trust(DateTimeOffset at, TrustScore score, bool bad = false, int violations = 0, bool critical = false) =>
        new(AutonomySignalKind.Trust, "conduct:act-" + Interlocked.Increment(ref counter), at, score, bad, violations, critical);

    static (AutonomyState State, List<TierChange> Changes) Run(Pact pact, AutonomyState? state, IEnumerable<AutonomySignal> signals)
    {
        var changes = new List<TierChange>();
        foreach (var signal in signals)
        {
            var step = AutonomyLadder.Step(pact, state, signal);
            state = step.State;
            changes.AddRange(step.TierChanges);
        }

        return (state!, changes);
    }

    [Fact]
    public void Step_PactWithoutRules_KeepsItsStartingTierWhateverTheScores()
    {
        var pact = PactWith();
        var (state, changes) = Run(pact, null, Enumerable.Range(0, 20).Select(i => Trust(T0.AddMinutes(i), Score(0.01, 0.01), bad: true, violations: 1)));

        Assert.Equal(AutonomyTier.Autonomous, AutonomyLadder.Effective(pact.Autonomy, state));
        Assert.Empty(changes);
    }

    [Fact]
    public void Step_CriticalViolation_DemotesAtOnceToTheConsequenceTierAndSlashesTheBond()
    {
        var pact = PactWith(
            demotion: new DemotionRule(0.6),
            ledger: new LedgerTerms(Bond: 100),
            consequences: [new ConsequencePath("critical-suspends", ConsequenceTrigger.CriticalViolation, AutonomyTier.Suspended, Notify: ["leads"], Slash: 40)]);

        var step = AutonomyLadder.Step(pact, null, Trust(T0, Score(0.9, 0.9), bad: true, violations: 1, critical: true));

        Assert.Equal(AutonomyTier.Suspended, step.State.Tier);
        var change = Assert.Single(step.TierChanges);
        Assert.Equal((AutonomyTier.Autonomous, AutonomyTier.Suspended), (change.From, change.To));
        Assert.Equal("consequence:critical-suspends", change.Trigger);
        Assert.Contains("critical-suspends", change.Reason, StringComparison.Ordinal);
        Assert.Equal(["leads"], change.Notify);
        var slash = Assert.Single(step.LedgerEntries);
        Assert.Equal(("slash", 40d, 60d), (slash.Entry, slash.Amount, slash.Bond!.Value));
    }

    [Fact]
    public void Step_LowerBoundBelowTheDemotionBar_DemotesOneStepAndNoFurtherThanTheFloor()
    {
        var pact = PactWith(demotion: new DemotionRule(0.6, MinEvents: 10, Floor: AutonomyTier.Supervised));

        var first = AutonomyLadder.Step(pact, null, Trust(T0, Score(0.9, 0.4)));
        var second = AutonomyLadder.Step(pact, first.State, Trust(T0.AddMinutes(1), Score(0.9, 0.3)));

        Assert.Equal(AutonomyTier.Supervised, first.State.Tier);
        Assert.Contains("outcome lower bound 0.4 fell below the demotion bar 0.6", Assert.Single(first.TierChanges).Reason, StringComparison.Ordinal);
        Assert.Equal(AutonomyTier.Supervised, second.State.Tier);
        Assert.Empty(second.TierChanges);
    }

    [Fact]
    public void Step_BoundFromTooFewEvents_DoesNotDemote()
    {
        var pact = PactWith(demotion: new DemotionRule(0.6, MinEvents: 10));

        var step = AutonomyLadder.Step(pact, null, Trust(T0, Score(0.2, 0.03, conductEvents: 3, outcomeEvents: 0)));

        Assert.Equal(AutonomyTier.Autonomous, step.State.Tier);
        Assert.Empty(step.TierChanges);
    }

    [Fact]
    public void Step_BarMetFewerTimesThanSustained_DoesNotPromote_ThenPromotesOneStep()
    {
        var pact = PactWith(AutonomyTier.Shadow, promotion: new PromotionRule(0.8, MinEvents: 20, Sustained: 3, MinDwellHours: 0), demotion: new DemotionRule(0.6));

        var (afterTwo, none) = Run(pact, null, [Trust(T0, Score(0.85, 0.85)), Trust(T0.AddMinutes(1), Score(0.85, 0.85))]);
        var third = AutonomyLadder.Step(pact, afterTwo, Trust(T0.AddMinutes(2), Score(0.85, 0.85)));

        Assert.Empty(none);
        Assert.Equal(AutonomyTier.Shadow, afterTwo.Tier);
        Assert.Equal(AutonomyTier.Supervised, third.State.Tier);
        Assert.Equal("promotion", Assert.Single(third.TierChanges).Trigger);
        Assert.Equal(0, third.State.Sustained);
    }

    [Fact]
    public void Step_ScoresWanderingBetweenTheBars_NeverChangeTheTier()
    {
        var pact = PactWith(AutonomyTier.Supervised, promotion: new PromotionRule(0.8, MinEvents: 20, Sustained: 3, MinDwellHours: 0), demotion: new DemotionRule(0.6));
        // Above the promotion bar twice, then a dip into the band: the count starts again, and the dip demotes nothing.
        var bounds = Enumerable.Range(0, 60).Select(i => (i % 3) switch { 0 => 0.82, 1 => 0.81, _ => 0.65 });

        var (state, changes) = Run(pact, null, bounds.Select((b, i) => Trust(T0.AddMinutes(i), Score(b, b))));

        Assert.Empty(changes);
        Assert.Equal(AutonomyTier.Supervised, state.Tier);
    }

    [Fact]
    public void Step_PromotionRightAfterADemotion_WaitsForTheMinimumDwell()
    {
        var pact = PactWith(promotion: new PromotionRule(0.8, MinEvents: 20, Sustained: 1, MinDwellHours: 24), demotion: new DemotionRule(0.6));
        var demoted = AutonomyLadder.Step(pact, null, Trust(T0, Score(0.5, 0.9))).State;

        var tooSoon = AutonomyLadder.Step(pact, demoted, Trust(T0.AddHours(23), Score(0.9, 0.9)));
        var later = AutonomyLadder.Step(pact, tooSoon.State, Trust(T0.AddHours(25), Score(0.9, 0.9)));

        Assert.Equal(AutonomyTier.Supervised, demoted.Tier);
        Assert.Equal(AutonomyTier.Supervised, tooSoon.State.Tier);
        Assert.Equal(AutonomyTier.Autonomous, later.State.Tier);
    }

    [Fact]
    public void Step_Suspended_IsNotLiftedByScoresUnlessThePactSaysSo()
    {
        var promotion = new PromotionRule(0.8, MinEvents: 20, Sustained: 1, MinDwellHours: 0);
        var sticky = PactWith(AutonomyTier.Suspended, promotion: promotion);
        var lifting = PactWith(AutonomyTier.Suspended, promotion: promotion with { FromSuspended = true });

        Assert.Equal(AutonomyTier.Suspended, AutonomyLadder.Step(sticky, null, Trust(T0, Score(0.95, 0.95))).State.Tier);
        Assert.Equal(AutonomyTier.Shadow, AutonomyLadder.Step(lifting, null, Trust(T0, Score(0.95, 0.95))).State.Tier);
    }

    [Fact]
    public void Step_SameSignalTwice_CountsOnce()
    {
        var pact = PactWith(budget: new ErrorBudgetPolicy(0.9, MinEvents: 100));
        var signal = Trust(T0, Score(0.9, 0.9), bad: true, violations: 1);

        var once = AutonomyLadder.Step(pact, null, signal);
        var twice = AutonomyLadder.Step(pact, once.State, signal);

        Assert.False(twice.Changed);
        Assert.Equal(1, twice.State.Buckets.Sum(b => b.Bad));
    }

    [Fact]
    public void Step_BadEventsBeyondTheBudget_BreachConstrainsThenTheRollingWindowRecovers()
    {
        var pact = PactWith(budget: new ErrorBudgetPolicy(0.8, WindowHours: 24, MinEvents: 10, OnBreach: AutonomyTier.Shadow));
        // 8 good then 2 bad: 20 % bad is exactly the budget, not over it.
        var signals = Enumerable.Range(0, 8).Select(i => Trust(T0.AddMinutes(i), Score(0.9, 0.9)))
            .Concat(Enumerable.Range(8, 2).Select(i => Trust(T0.AddMinutes(i), Score(0.9, 0.9), bad: true)));
        var (atBudget, quiet) = Run(pact, null, signals);
        var over = AutonomyLadder.Step(pact, atBudget, Trust(T0.AddMinutes(10), Score(0.9, 0.9), bad: true));
        var stillIn = AutonomyLadder.Step(pact, over.State, AutonomySignal.Tick(T0.AddHours(23)));
        var rolled = AutonomyLadder.Step(pact, stillIn.State, AutonomySignal.Tick(T0.AddHours(25)));

        Assert.Empty(quiet);
        Assert.False(atBudget.BudgetBreached);
        Assert.True(over.State.BudgetBreached);
        var breach = Assert.Single(over.TierChanges);
        Assert.Equal((AutonomyTier.Autonomous, AutonomyTier.Shadow, AutonomyTier.Autonomous, "budget-breach"), (breach.From, breach.To, breach.LadderTier, breach.Trigger));
        Assert.Contains("3 bad of 11 events", breach.Reason, StringComparison.Ordinal);
        Assert.Equal(AutonomyTier.Shadow, AutonomyLadder.Effective(pact.Autonomy, stillIn.State));
        Assert.Empty(stillIn.TierChanges);
        Assert.False(rolled.State.BudgetBreached);
        var recovery = Assert.Single(rolled.TierChanges);
        Assert.Equal((AutonomyTier.Shadow, AutonomyTier.Autonomous, "budget-recovery"), (recovery.From, recovery.To, recovery.Trigger));
    }

    [Fact]
    public void Step_BudgetBreached_BlocksPromotion()
    {
        var pact = PactWith(
            AutonomyTier.Supervised, promotion: new PromotionRule(0.8, MinEvents: 20, Sustained: 1, MinDwellHours: 0), budget: new ErrorBudgetPolicy(0.9, MinEvents: 1));
        var breached = AutonomyLadder.Step(pact, null, Trust(T0, Score(0.9, 0.9), bad: true)).State;
        Assert.Equal(AutonomyTier.Supervised, breached.Tier);

        var next = AutonomyLadder.Step(pact, breached, Trust(T0.AddMinutes(1), Score(0.95, 0.95)));

        Assert.True(next.State.BudgetBreached);
        Assert.Equal(AutonomyTier.Supervised, next.State.Tier);
    }

    [Fact]
    public void Step_ViolationCountWithinTheWindow_FiresItsConsequence()
    {
        var pact = PactWith(consequences: [new ConsequencePath("three-strikes", ConsequenceTrigger.ViolationCount, AutonomyTier.Supervised, Threshold: 3, WindowHours: 24)]);

        var (two, none) = Run(pact, null, [Trust(T0, Score(0.9, 0.9), bad: true, violations: 1), Trust(T0.AddHours(1), Score(0.9, 0.9), bad: true, violations: 1)]);
        var third = AutonomyLadder.Step(pact, two, Trust(T0.AddHours(2), Score(0.9, 0.9), bad: true, violations: 1));

        Assert.Empty(none);
        Assert.Equal(AutonomyTier.Supervised, third.State.Tier);
    }

    [Fact]
    public void Standing_SpentAllowance_IsExhaustedUntilTheDayEnds()
    {
        var pact = PactWith(ledger: new LedgerTerms(AutonomousActionsPerDay: 2));
        var (state, _) = Run(pact, null, [AutonomySignal.Spend("act-1", T0), AutonomySignal.Spend("act-2", T0.AddMinutes(1)), AutonomySignal.Spend("act-2", T0.AddMinutes(2))]);

        Assert.Equal(2, state.SpentToday);
        Assert.True(AutonomyLadder.Standing(pact, state, null, T0.AddHours(1)).ActionBudgetExhausted);
        Assert.False(AutonomyLadder.Standing(pact, state, null, T0.AddDays(1)).ActionBudgetExhausted);
        Assert.Equal(1, AutonomyLadder.Step(pact, state, AutonomySignal.Spend("act-3", T0.AddDays(1))).State.SpentToday);
    }

    [Fact]
    public void Effective_BondSlashedToNothing_HoldsTheTierAtTheLedgersConstraint()
    {
        var pact = PactWith(
            ledger: new LedgerTerms(Bond: 50, OnBondExhausted: AutonomyTier.Supervised),
            consequences: [new ConsequencePath("count", ConsequenceTrigger.ViolationCount, AutonomyTier.Autonomous, Threshold: 1, Slash: 30)]);

        var (state, changes) = Run(pact, null, [Trust(T0, Score(0.9, 0.9), bad: true, violations: 1), Trust(T0.AddMinutes(1), Score(0.9, 0.9), bad: true, violations: 1)]);

        Assert.Equal(0, state.Bond);
        Assert.Equal(AutonomyTier.Autonomous, state.Tier);
        Assert.Equal(AutonomyTier.Supervised, AutonomyLadder.Effective(pact.Autonomy, state));
        Assert.Contains("the bond is exhausted", Assert.Single(changes).Reason, StringComparison.Ordinal);
    }
}
