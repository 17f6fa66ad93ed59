using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Autonomy;

/// <summary>The ladder's red-team gate: the last step to autonomous waits for a passing run when the pact states a bar.</summary>
public sealed class AutonomyRedTeamGateTests
{
    static readonly DateTimeOffset T0 = Samples.Now;
    static readonly RedTeamClearance Passed = new(true, "run rt-1 of agent version 1 passed");
    static readonly RedTeamClearance Failed = new(false, "the latest run rt-2 of agent version 1 did not pass");
    static int counter;

    static Pact GatedPact(AutonomyTier start = AutonomyTier.Supervised, RedTeamBar? bar = null) => Samples.ClassificationPact() with
    {
        Autonomy = new AutonomyPolicy(start, 0.8, new PromotionRule(0.8, MinEvents: 20, Sustained: 2, MinDwellHours: 0), new DemotionRule(0.6)),
        Promotion = new PromotionPolicy(bar ?? new RedTeamBar(Critical: 1, Major: 0.9, Minor: 0.8)),
    };

    static AutonomySignal Good(int minute) => new(
        AutonomySignalKind.Trust, "conduct:act-gate-" + Interlocked.Increment(ref counter), T0.AddMinutes(minute),
        new TrustScore(
            "classifier-01", "incident-classification", T0,
            new DimensionScore(0.95, 0.9, 1, 1, 50, 50, 0, "steady"),
            new DimensionScore(0.95, 0.9, 1, 1, 50, 50, 0, "steady"),
            0, null, null));

    static (AutonomyState State, List<TierChange> Changes) Run(Pact pact, AutonomyState? state, RedTeamClearance? clearance, params int[] minutes)
    {
        var changes = new List<TierChange>();
        foreach (var minute in minutes)
        {
            var step = AutonomyLadder.Step(pact, state, Good(minute), clearance);
            state = step.State;
            changes.AddRange(step.TierChanges);
        }

        return (state!, changes);
    }

    [Fact]
    public void Step_GoodTrustWithoutARedTeamRun_HoldsAtSupervisedAndRecordsWhyOnce()
    {
        var pact = GatedPact();

        var (state, changes) = Run(pact, null, null, 0, 1, 2, 3, 4);

        Assert.Equal(AutonomyTier.Supervised, state.Tier);
        var held = Assert.Single(changes);
        Assert.Equal(("promotion-held", AutonomyTier.Supervised, AutonomyTier.Supervised), (held.Trigger, held.From, held.To));
        Assert.StartsWith("promotion held: red-team bar not met (no red-team run of the agent in the lane)", held.Reason, StringComparison.Ordinal);
        Assert.StartsWith("promotion held: red-team bar not met", state.Reason, StringComparison.Ordinal);
        Assert.Equal("red-team bar not met (no red-team run of the agent in the lane)", state.PromotionHeld);
    }

    [Fact]
    public void Step_HeldThenAPassingRun_PromotesToAutonomousOnTheNextSignal()
    {
        var pact = GatedPact();
        var (held, _) = Run(pact, null, RedTeamClearance.NoRun, 0, 1, 2);

        var step = AutonomyLadder.Step(pact, held, Good(3), Passed);

        Assert.Equal(AutonomyTier.Autonomous, step.State.Tier);
        var change = Assert.Single(step.TierChanges);
        Assert.Equal(("promotion", AutonomyTier.Supervised, AutonomyTier.Autonomous), (change.Trigger, change.From, change.To));
        Assert.Contains("red-team bar met (run rt-1 of agent version 1 passed)", change.Reason, StringComparison.Ordinal);
        Assert.Null(step.State.PromotionHeld);
    }

    [Fact]
    public void Step_HeldForNoRunThenForAFailedRun_RecordsTheNewCause()
    {
        var pact = GatedPact();
        var (noRun, first) = Run(pact, null, RedTeamClearance.NoRun, 0, 1, 2);

        var (failed, second) = Run(pact, noRun, Failed, 3, 4);

        Assert.Single(first);
        var change = Assert.Single(second);
        Assert.Equal("promotion-held", change.Trigger);
        Assert.Contains("the latest run rt-2 of agent version 1 did not pass", change.Reason, StringComparison.Ordinal);
        Assert.Equal(AutonomyTier.Supervised, failed.Tier);
    }

    [Fact]
    public void Step_ShadowToSupervised_IsNotGatedByTheRedTeam()
    {
        var pact = GatedPact(AutonomyTier.Shadow);

        var (state, changes) = Run(pact, null, null, 0, 1);

        Assert.Equal(AutonomyTier.Supervised, state.Tier);
        Assert.Equal("promotion", Assert.Single(changes).Trigger);
    }

    [Fact]
    public void Step_PactWithoutARedTeamBar_PromotesWithoutAClearance()
    {
        var pact = GatedPact() with { Promotion = null };

        var (state, changes) = Run(pact, null, null, 0, 1);

        Assert.Equal(AutonomyTier.Autonomous, state.Tier);
        Assert.Equal("promotion", Assert.Single(changes).Trigger);
    }

    [Fact]
    public void NeedsRedTeamClearance_OnlyForAGatedPactAtSupervised()
    {
        var gated = GatedPact();
        var supervised = AutonomyState.Start("classifier-01", "incident-classification", gated.Autonomy, T0);

        Assert.True(AutonomyLadder.NeedsRedTeamClearance(gated, null));
        Assert.True(AutonomyLadder.NeedsRedTeamClearance(gated, supervised));
        Assert.False(AutonomyLadder.NeedsRedTeamClearance(gated, supervised with { Tier = AutonomyTier.Shadow }));
        Assert.False(AutonomyLadder.NeedsRedTeamClearance(gated with { Promotion = null }, supervised));
        Assert.False(AutonomyLadder.NeedsRedTeamClearance(gated with { Autonomy = gated.Autonomy with { Promotion = null } }, supervised));
    }
}
