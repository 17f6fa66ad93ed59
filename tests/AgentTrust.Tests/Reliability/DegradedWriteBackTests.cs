using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Ticketing.WriteBack;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Tests.Reliability;

/// <summary>
/// A ticketing tool that refuses, fails, or throws, driven through the whole governed workflow in the in-process
/// host: the failure is retried where it is transient and always ends as evidence the action's record shows, never
/// as a silent success. (The clients' own 429/500/timeout handling is tested against a fake server in the
/// integration tests: TicketWriteBackTests.)
/// </summary>
public sealed class DegradedWriteBackTests
{
    /// <summary>A ticket writer for ServiceNow tickets that answers from a script, one entry per call.</summary>
    sealed class ScriptedWriter(params Func<WriteBackRequest, WriteBackResult>[] script) : ITicketWriteBack
    {
        int calls;

        public string System => "servicenow";

        public int Calls => calls;

        public Task<WriteBackResult> ApplyAsync(WriteBackRequest request, CancellationToken cancellationToken = default)
        {
            var call = Interlocked.Increment(ref calls) - 1;
            return Task.FromResult(script[Math.Min(call, script.Length - 1)](request));
        }
    }

    static async Task<(GovernanceOutcome? Outcome, OrchestrationMetadata Metadata, GovernanceTestHost Host)> RunAsync(ScriptedWriter writer, string key)
    {
        var host = await GovernanceTestHost.StartAsync(services => services.AddSingleton<ITicketWriteBack>(writer));
        await host.Pacts.PublishAsync(Samples.ClassificationPact(), Samples.Now);
        var action = Samples.Classify(3, 0.95, key);
        var id = ActionIds.FromIdempotencyKey(action.AgentId, key);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now), new StartOrchestrationOptions(id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        var outcome = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<GovernanceOutcome>() : null;
        return (outcome, metadata, host);
    }

    static WriteBackResult Result(WriteBackRequest r, WriteBackStatus status, string? detail = null) => new(r.Ticket.System, r.Ticket.Id, status, 1, detail);

    [Fact]
    public async Task Apply_TicketingToolRefusesThroughEveryAttempt_FailureRecordedAsWriteBackEvidence()
    {
        var writer = new ScriptedWriter(r => Result(r, WriteBackStatus.Failed, "HTTP 500 after 4 attempts"));

        var (outcome, _, host) = await RunAsync(writer, "wb-failed");
        await using var _ = host;

        Assert.NotNull(outcome);
        var records = host.Evidence.For(outcome.ActionId);
        var writeBack = Assert.Single(records, r => r.Kind == "write-back");
        var recorded = JsonSerializer.Serialize(writeBack.Payload);
        Assert.Contains("Failed", recorded, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("HTTP 500", recorded, StringComparison.Ordinal);
        Assert.Equal(1, writer.Calls);
        Assert.Contains("HTTP 500", outcome.Degraded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WriterThrowsTransientlyThenSucceeds_RetriedAndAppliedOnce()
    {
        var writer = new ScriptedWriter(
            _ => throw new HttpRequestException("connection reset"),
            r => Result(r, WriteBackStatus.Applied));

        var (outcome, _, host) = await RunAsync(writer, "wb-retried");
        await using var _ = host;

        Assert.NotNull(outcome);
        Assert.Equal(ActionStatus.Applied, outcome.Status);
        Assert.Equal(2, writer.Calls);
        var writeBack = Assert.Single(host.Evidence.For(outcome.ActionId), r => r.Kind == "write-back");
        Assert.Contains("applied", JsonSerializer.Serialize(writeBack.Payload), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Apply_WriterThrowsOnEveryRetry_WorkflowCompletesDegradedWithFailedWriteBackEvidence()
    {
        // A tool that hangs past the client's timeouts on every attempt looks like this to the workflow.
        var writer = new ScriptedWriter(_ => throw new TimeoutException("the ticketing tool did not answer within 10 s"));

        var (outcome, metadata, host) = await RunAsync(writer, "wb-exhausted");
        await using var _ = host;

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.NotNull(outcome);
        Assert.Equal(ActionStatus.Applied, outcome.Status);
        Assert.Contains("write-back to servicenow", outcome.Degraded, StringComparison.Ordinal);
        Assert.Equal(5, writer.Calls); // the workflow's retry policy: five attempts
        var writeBack = Assert.Single(host.Evidence.For(outcome.ActionId), r => r.Kind == "write-back");
        var recorded = JsonSerializer.Serialize(writeBack.Payload);
        Assert.Contains("failed", recorded, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("TimeoutException", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WriterSucceeds_OutcomeNotDegraded()
    {
        var writer = new ScriptedWriter(r => Result(r, WriteBackStatus.Applied));

        var (outcome, _, host) = await RunAsync(writer, "wb-fine");
        await using var _ = host;

        Assert.NotNull(outcome);
        Assert.Null(outcome.Degraded);
    }
}
