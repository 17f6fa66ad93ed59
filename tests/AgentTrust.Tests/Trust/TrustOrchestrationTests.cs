using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Tests.Trust;

/// <summary>The governed loop updates trust: conduct after every decision, outcome after a human's answer.</summary>
public sealed class TrustOrchestrationTests : IAsyncLifetime
{
    const string Lane = "incident-classification";
    GovernanceTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await GovernanceTestHost.StartAsync();
        await host.Pacts.PublishAsync(Samples.ClassificationPact(), Samples.Now);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    async Task<(string Id, GovernanceOutcome? Outcome)> RunAsync(int priority, double confidence, string key, bool? humanApproves = null)
    {
        var action = Samples.Classify(priority, confidence, key);
        var id = ActionIds.FromIdempotencyKey(action.AgentId, key);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now), new StartOrchestrationOptions(id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        if (humanApproves is { } approved)
        {
            while ((await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token))?.ReadCustomStatusAs<ActionProgress>()?.Status != ActionStatus.AwaitingApproval)
            {
                await Task.Delay(50, timeout.Token);
            }

            await host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(approved, "lead@example.com", null), timeout.Token);
        }

        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return (id, metadata.ReadOutputAs<GovernanceOutcome>());
    }

    [Fact]
    public async Task RunAsync_CriticalViolationThenCleanAction_ConductCountsLossAndGainWithEvidence()
    {
        var (blocked, blockedOutcome) = await RunAsync(priority: 1, confidence: 0.99, key: "trust-blocked");
        var (applied, _) = await RunAsync(priority: 3, confidence: 0.95, key: "trust-applied");

        Assert.Equal(ActionStatus.Blocked, blockedOutcome!.Status);
        var state = await host.Trust.GetAsync("classifier-01", Lane);
        Assert.NotNull(state);
        Assert.Equal(2, state.Conduct.Events);
        Assert.Equal(1, state.Conduct.Positive, 9);
        Assert.True(state.Conduct.Negative >= 6, $"negative {state.Conduct.Negative}");
        Assert.Equal(blockedOutcome.Decision.PactHash, state.Version);
        var signals = await host.Trust.RecentSignalsAsync("classifier-01", Lane, 10);
        Assert.Contains(signals, s => s.SignalId == "conduct:" + blocked && s.Reason.Contains("priority-not-raised-to-p1", StringComparison.Ordinal));
        foreach (var signal in signals)
        {
            var record = Assert.Single(host.Evidence.For(TrustEvidence.ChainId(signal)));
            Assert.Equal(EvidenceKinds.TrustChange, record.Kind);
        }

        var touched = await host.Attribution.ListAsync("servicenow", "INC0000045");
        Assert.Equal(new[] { applied, blocked }.Order(StringComparer.Ordinal), touched.Select(t => t.ActionId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_HumanAnswers_OutcomeScoreFollowsTheAnswer(bool approved)
    {
        var (id, outcome) = await RunAsync(priority: 3, confidence: 0.4, key: "trust-human-" + approved, humanApproves: approved);

        Assert.Equal(approved ? ActionStatus.Approved : ActionStatus.Rejected, outcome!.Status);
        var state = await host.Trust.GetAsync("classifier-01", Lane);
        Assert.Equal(1, state!.Outcome.Events);
        Assert.Equal(approved ? 0 : TrustParameters.Default.HumanRejectionLoss * TrustParameters.Default.LossMultiplier, state.Outcome.Negative, 9);
        Assert.Equal(approved ? 1 : 0, state.Outcome.Positive, 9);
        var signals = await host.Trust.RecentSignalsAsync("classifier-01", Lane, 10);
        Assert.Contains(signals, s => s.SignalId == "approval:" + id && s.Dimension == TrustDimension.Outcome);
    }
}
