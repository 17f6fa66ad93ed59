using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Judges;
using AgentTrust.Judges.Classification;
using AgentTrust.Orchestrations;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentTrust.Tests.Judging;

[Collection(LocalModelsCollection.Name)]
public sealed class JuryOrchestrationTests(LocalModelsFixture fixture)
{
    static readonly Pact JudgedPact = Samples.ClassificationPact() with
    {
        Clauses = [.. Samples.ClassificationPact().Clauses, JudgeSamples.ClassificationConsistent],
    };

    [Fact]
    public async Task GovernAgentAction_JudgedClauseWithLocalJury_FansOutAndAppliesOnJuryPass()
    {
        // A real held-out ticket the trained classifier is sure about, proposed with the label it supports.
        var (_, heldOut) = TicketTextClassifier.Split("category");
        var ticketRow = heldOut.First(r => fixture.Models.Category.Predict(r.Text) is var d && d.Probability(d.Best) > 0.8 && d.Best == r.Label);
        var action = Action(
            JsonSerializer.Serialize(new { priority = 3, category = ticketRow.Label }),
            JsonSerializer.Serialize(new { body = ticketRow.Text, category = "Category 26", subcategory = "Subcategory 174", u_symptom = "Symptom 491" }));
        var evidence = new InMemoryEvidenceStore();

        await using var host = await StartAsync(evidence, services => services.AddAgentTrustJudges(Configuration(fixture.CachePath)));
        var outcome = await RunAsync(host, action);

        var jury = Assert.Single(outcome.Juries!);
        Assert.Equal(JudgeSamples.ClassificationConsistent.Id, jury.ClauseId);
        Assert.Equal(["precedent-knn", "rules", "ticket-text-classifier"], jury.Verdicts.Select(v => v.JudgeId).Order(StringComparer.Ordinal));
        Assert.All(jury.Verdicts, v => Assert.Equal(Verdict.Pass, v.Verdict));
        Assert.Equal(JuryOutcome.Pass, jury.Outcome);
        Assert.Equal(ActionStatus.Applied, outcome.Status);
        Assert.Contains(evidence.For(outcome.ActionId), d => d.Kind == EvidenceKinds.Jury && d.Payload.GetRawText().Contains("ticket-text-classifier", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GovernAgentAction_JudgesDisagreeAndOneFails_HumanDecidesAndJudgesLearn()
    {
        var evidence = new InMemoryEvidenceStore();
        await using var host = await StartAsync(evidence, services =>
        {
            services.AddSingleton<IJudge>(new FixedJudge("yes", Verdict.Pass, 0.9));
            services.AddSingleton<IJudge>(new FixedJudge("no", Verdict.Fail, 0.1));
            services.AddSingleton<IJudge>(new FixedJudge("broken", Verdict.Pass, 1, throws: true));
        });
        var action = Action("{\"priority\":3,\"category\":\"4\"}", "{\"body\":\"printer jam\"}");
        var reliability = host.Services.GetRequiredService<IJudgeReliabilityStore>();
        var before = await reliability.GetAsync();

        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now));
        await WaitForStatusAsync(host.Client, instanceId, ActionStatus.AwaitingApproval);
        await host.Client.RaiseEventAsync(instanceId, ApprovalDecision.EventName, new ApprovalDecision(true, "lead@example.com"));
        var outcome = await CompleteAsync(host.Client, instanceId);

        var jury = Assert.Single(outcome.Juries!);
        Assert.Equal(JuryOutcome.Uncertain, jury.Outcome);
        Assert.Equal("error", jury.Verdicts.Single(v => v.JudgeId == "broken").Failure);
        Assert.Equal(ActionStatus.Approved, outcome.Status);
        var after = await reliability.GetAsync();
        Assert.True(after.For("yes").Weight > before.For("yes").Weight);
        Assert.True(after.For("no").Weight < before.For("no").Weight);
        Assert.Equal(before.For("broken"), after.For("broken"));
        Assert.Equal(["evaluation", "jury", "decision", "notification", "approval", "judge-labels"], evidence.For(instanceId).Select(d => d.Kind));
    }

    [Fact]
    public async Task GovernAgentAction_HostWithoutJudges_JudgedClauseGoesToAHuman()
    {
        await using var host = await GovernanceTestHost.StartAsync();
        await host.Pacts.PublishAsync(JudgedPact, Samples.Now);
        var action = Action("{\"priority\":3,\"category\":\"4\"}", "{\"body\":\"printer jam\"}");

        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now));
        await WaitForStatusAsync(host.Client, instanceId, ActionStatus.AwaitingApproval);
        await host.Client.RaiseEventAsync(instanceId, ApprovalDecision.EventName, new ApprovalDecision(false, "lead@example.com"));
        var outcome = await CompleteAsync(host.Client, instanceId);

        Assert.Equal(JuryOutcome.Uncertain, Assert.Single(outcome.Juries!).Outcome);
        Assert.Contains(outcome.Decision.Reasons, r => r.Contains("0 judge(s) answered", StringComparison.Ordinal));
        Assert.Equal(ActionStatus.Rejected, outcome.Status);
    }

    static ProposedAction Action(string fieldsJson, string ticketJson) =>
        JudgeSamples.Action(fieldsJson, ticketJson) with { IdempotencyKey = Guid.NewGuid().ToString("N") };

    static IConfiguration Configuration(string cachePath) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [$"{JudgesOptions.SectionName}:ModelCachePath"] = cachePath })
        .Build();

    static Task<DurableTaskTestHost> StartAsync(InMemoryEvidenceStore evidence, Action<IServiceCollection> judges)
    {
        var pacts = new InMemoryPactStore();
        pacts.PublishAsync(JudgedPact, Samples.Now).GetAwaiter().GetResult();
        return DurableTaskTestHost.StartAsync(registry => registry.AddAgentTrustTasks(), new DurableTaskTestHostOptions
        {
            LoggerFactory = NullLoggerFactory.Instance,
            ConfigureServices = services =>
            {
                services.AddSingleton<IPactStore>(pacts);
                services.AddSingleton<IEvidenceStore>(evidence);
                services.AddSingleton<CelPactCompiler>();
                services.AddSingleton(JuryPolicy.Default);
                services.AddSingleton<IJudgeReliabilityStore, InMemoryJudgeReliabilityStore>();
                judges(services);
            },
        });
    }

    static async Task<GovernanceOutcome> RunAsync(DurableTaskTestHost host, ProposedAction action)
    {
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now));
        return await CompleteAsync(host.Client, instanceId);
    }

    static async Task<GovernanceOutcome> CompleteAsync(DurableTaskClient client, string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        OrchestrationMetadata state;
        try
        {
            state = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            var stuck = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            Assert.Fail($"not completed: {stuck?.RuntimeStatus} {stuck?.SerializedCustomStatus} {stuck?.FailureDetails}");
            throw;
        }

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        return state.ReadOutputAs<GovernanceOutcome>()!;
    }

    static async Task WaitForStatusAsync(DurableTaskClient client, string instanceId, ActionStatus status)
    {
        for (var i = 0; i < 600; i++)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (state?.ReadCustomStatusAs<ActionProgress>()?.Status == status)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the action never reached {status}");
    }
}
