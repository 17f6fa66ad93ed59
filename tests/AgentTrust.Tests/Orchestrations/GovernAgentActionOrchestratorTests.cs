using AgentTrust.Domain.Decisions;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Tests.Orchestrations;

public sealed class GovernAgentActionOrchestratorTests : IAsyncLifetime
{
    GovernanceTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await GovernanceTestHost.StartAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    async Task<string> StartAsync(int priority, double confidence, string key)
    {
        var action = Samples.Classify(priority, confidence, key);
        var id = ActionIds.FromIdempotencyKey(action.AgentId, key);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now), new StartOrchestrationOptions(id));
        return id;
    }

    async Task<GovernanceOutcome> CompletionAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<GovernanceOutcome>()!;
    }

    async Task WaitForApprovalStateAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var metadata = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
            if (metadata?.SerializedCustomStatus is not null && metadata.ReadCustomStatusAs<ActionProgress>()!.Status == ActionStatus.AwaitingApproval)
            {
                return;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    [Fact]
    public async Task RunAsync_ActionWithinPact_IsAppliedWithEvidence()
    {
        await host.Pacts.PublishAsync(Samples.ClassificationPact(), Samples.Now);

        var outcome = await CompletionAsync(await StartAsync(priority: 3, confidence: 0.95, key: "allowed"));

        Assert.Equal(ActionStatus.Applied, outcome.Status);
        Assert.Equal(DecisionKind.AutoApply, outcome.Decision.Kind);
        var records = host.Evidence.For(outcome.ActionId);
        Assert.Equal(["evaluation", "decision"], records.Select(r => r.Kind));
        Assert.Null(records[0].PreviousDigest);
        Assert.NotNull(records[1].PreviousDigest);
    }

    [Fact]
    public async Task RunAsync_ActionBreaksCriticalClause_IsBlocked()
    {
        await host.Pacts.PublishAsync(Samples.ClassificationPact(), Samples.Now);

        var outcome = await CompletionAsync(await StartAsync(priority: 1, confidence: 0.99, key: "blocked"));

        Assert.Equal(ActionStatus.Blocked, outcome.Status);
        Assert.Contains(outcome.Decision.Reasons, r => r.Contains("priority-not-raised-to-p1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoPactForAgentAndLane_IsBlocked()
    {
        var outcome = await CompletionAsync(await StartAsync(priority: 3, confidence: 0.99, key: "no-pact"));

        Assert.Equal(ActionStatus.Blocked, outcome.Status);
        Assert.Single(host.Evidence.For(outcome.ActionId));
    }

    [Theory]
    [InlineData(true, ActionStatus.Approved)]
    [InlineData(false, ActionStatus.Rejected)]
    public async Task RunAsync_LowConfidenceThenHumanAnswers_EndsAsTheHumanDecided(bool approved, ActionStatus expected)
    {
        await host.Pacts.PublishAsync(Samples.ClassificationPact(), Samples.Now);
        var id = await StartAsync(priority: 3, confidence: 0.4, key: "human-" + approved);
        await WaitForApprovalStateAsync(id);

        await host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(approved, "lead@example.com", "checked"));
        var outcome = await CompletionAsync(id);

        Assert.Equal(expected, outcome.Status);
        Assert.Equal("lead@example.com", outcome.Approval!.Approver);
        Assert.Equal(["evaluation", "decision", "notification", "approval"], host.Evidence.For(id).Select(r => r.Kind));
    }

    [Fact]
    public async Task RunAsync_NobodyAnswersBeforeDeadline_ExpiresClosedNotRejected()
    {
        await host.Pacts.PublishAsync(Samples.ClassificationPact(timeoutSeconds: 2), Samples.Now);

        var outcome = await CompletionAsync(await StartAsync(priority: 3, confidence: 0.4, key: "expired"));

        Assert.Equal(ActionStatus.Expired, outcome.Status);
        Assert.Null(outcome.Approval!.Approver);
        Assert.Equal(DecisionKind.RequireApproval, outcome.Decision.Kind);
    }

    [Fact]
    public async Task RunAsync_PactRateLimitExceeded_SecondActionInWindowIsBlocked()
    {
        var pact = Samples.ClassificationPact() with { RateLimit = new AgentTrust.Domain.Pacts.RateLimit(MaxActions: 1, WindowMinutes: 60) };
        await host.Pacts.PublishAsync(pact, Samples.Now);

        var first = await CompletionAsync(await StartAsync(priority: 3, confidence: 0.95, key: "rate-1"));
        var second = await CompletionAsync(await StartAsync(priority: 3, confidence: 0.95, key: "rate-2"));

        Assert.Equal(ActionStatus.Applied, first.Status);
        Assert.Equal(ActionStatus.Blocked, second.Status);
        Assert.Contains(second.Decision.Reasons, r => r.Contains("rate-limit", StringComparison.Ordinal));
    }
}
