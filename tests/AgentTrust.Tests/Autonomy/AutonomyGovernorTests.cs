using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Autonomy;
using AgentTrust.Orchestrations.Trust;
using AgentTrust.Tests.Support;
using Microsoft.Extensions.Options;

namespace AgentTrust.Tests.Autonomy;

public sealed class AutonomyGovernorTests
{
    static readonly DateTimeOffset T0 = Samples.Now;

    sealed class Rig
    {
        public InMemoryAutonomyStore Store { get; } = new();

        public InMemoryEvidenceStore Evidence { get; } = new();

        public InMemoryPactStore Pacts { get; } = new();

        public InMemoryTrustStore Trust { get; } = new();

        public AutonomyGovernor Governor => new(Store, Pacts, Trust, Evidence, TrustParameters.Default, Options.Create(new AutonomyOptions()));
    }

    static Pact PactWith(ErrorBudgetPolicy? budget = null) => Samples.ClassificationPact() with
    {
        Autonomy = new AutonomyPolicy(AutonomyTier.Autonomous, 0.8, ErrorBudget: budget, Ledger: new LedgerTerms(AutonomousActionsPerDay: 10, Bond: 100)),
        Consequences = [new ConsequencePath("critical-suspends", ConsequenceTrigger.CriticalViolation, AutonomyTier.Suspended, Slash: 30)],
    };

    static TrustChange Change(string actionId, double loss, DateTimeOffset at)
    {
        var signal = new TrustSignal("conduct:" + actionId, "classifier-01", "incident-classification", TrustDimension.Conduct, loss > 0 ? 0 : 1, loss, at, "test", ActionId: actionId);
        var state = TrustFold.Apply(TrustState.New(signal.AgentId, signal.Lane), signal, TrustParameters.Default);
        return new TrustChange(signal, true, TrustScoring.Score(state, at, TrustParameters.Default), "evidence/x");
    }

    [Fact]
    public async Task ApplyTrustAsync_CriticalViolation_StoresTheSuspensionAndRecordsTierChangeAndLedgerEvidence()
    {
        var rig = new Rig();
        var pact = PactWith();
        await rig.Pacts.PublishAsync(pact, T0);
        var evaluation = new PactEvaluation("sha256:p", 1, true, [new ClauseResult("priority-not-raised-to-p1", ClauseOutcome.Violated, ClauseSeverity.Critical)]);

        var step = await rig.Governor.ApplyTrustAsync(Change("act-1", 24, T0), pact: null, evaluation, juries: null, "servicenow", "INC1");

        Assert.NotNull(step);
        var stored = await rig.Store.GetAsync("classifier-01", "incident-classification");
        Assert.Equal(AutonomyTier.Suspended, stored!.State.Tier);
        Assert.Equal(70, stored.State.Bond);
        var change = Assert.Single(step!.TierChanges);
        var record = Assert.Single(rig.Evidence.For(AutonomyEvidence.Draft(change, "servicenow", "INC1").ActionId));
        Assert.Equal(EvidenceKinds.TierChange, record.Kind);
        Assert.Equal("consequence:critical-suspends", record.Payload.GetProperty("trigger").GetString());
        var entry = Assert.Single(step.LedgerEntries);
        Assert.Equal(EvidenceKinds.Ledger, Assert.Single(rig.Evidence.For(AutonomyEvidence.Draft(entry, "servicenow", "INC1").ActionId)).Kind);
    }

    [Fact]
    public async Task ApplyTrustAsync_ConcurrentSignals_NoUpdateIsLost()
    {
        var rig = new Rig();
        var pact = PactWith(new ErrorBudgetPolicy(0.5, MinEvents: 1000));
        var governor = rig.Governor;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => governor.ApplyTrustAsync(Change($"act-{i}", 0, T0.AddSeconds(i)), pact, null, null, "servicenow", "INC1"))));

        var stored = await rig.Store.GetAsync("classifier-01", "incident-classification");
        Assert.Equal(40, stored!.State.Buckets.Sum(b => b.Good));
    }

    [Fact]
    public async Task StandingAsync_SpentAllowance_ReportsExhaustedAndTheLiveTier()
    {
        var rig = new Rig();
        var pact = PactWith() with { Autonomy = PactWith().Autonomy with { Ledger = new LedgerTerms(AutonomousActionsPerDay: 2) } };
        await rig.Governor.SpendAsync(pact, "act-1", T0, "servicenow", "INC1");
        await rig.Governor.SpendAsync(pact, "act-2", T0, "servicenow", "INC1");

        var standing = await rig.Governor.StandingAsync(pact, T0.AddMinutes(5), "servicenow", "INC1");

        Assert.True(standing.ActionBudgetExhausted);
        Assert.Equal(AutonomyTier.Autonomous, standing.Tier);
    }
}
