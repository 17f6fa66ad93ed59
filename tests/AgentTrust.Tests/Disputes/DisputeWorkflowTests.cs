using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Disputes;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Disputes;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Tests.Judging;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Tests.Disputes;

/// <summary>The dispute workflow through the in-process Durable Task host and the real HTTP handlers.</summary>
public sealed class DisputeWorkflowTests : IAsyncLifetime
{
    GovernanceTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await GovernanceTestHost.StartAsync();
        host.Notifier.Groups.Add("adjudicators");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    (FileDisputeHandler File, GetDisputeHandler Get, ResolveDisputeHandler Resolve) Handlers(int timeoutSeconds = 3600)
    {
        var services = new ServiceCollection();
        services.AddOptions<ApiOptions>();
        services.AddOptions<DisputeOptions>().Configure(o => o.TimeoutSeconds = timeoutSeconds);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FileDisputeHandler>();
        services.AddSingleton<ResolveDisputeHandler>();
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<FileDisputeHandler>(), new GetDisputeHandler(), provider.GetRequiredService<ResolveDisputeHandler>());
    }

    static ApiRequest Json(string method, string path, string body, IReadOnlyDictionary<string, string>? route = null) => new()
    {
        Method = method,
        Url = new Uri("http://localhost" + path),
        Route = route ?? new Dictionary<string, string>(),
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" },
        Body = Encoding.UTF8.GetBytes(body),
    };

    static ApiRequest FileRequest(string key, string actionId, string disputant = "requester@example.com") => Json(
        "POST", "/api/disputes",
        JsonSerializer.Serialize(new { disputeKey = key, kind = "decision", actionId, disputant, role = "requester", reason = "the category is wrong" }));

    static ApiRequest ResolveRequest(string id, string verdict, string adjudicator = "judge@example.com") => Json(
        "POST", $"/api/disputes/{id}/resolution", JsonSerializer.Serialize(new { adjudicator, verdict, comment = "checked the ticket" }),
        new Dictionary<string, string> { ["id"] = id });

    async Task<(string Id, GovernanceOutcome Outcome)> DecidedAsync(string key, Pact pact, double confidence, bool? approve = null)
    {
        await host.Pacts.PublishAsync(pact, Samples.Now);
        var action = Samples.Classify(3, confidence, key);
        var id = ActionIds.FromIdempotencyKey(action.AgentId, key);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now), new StartOrchestrationOptions(id));
        if (approve is { } approved)
        {
            await WaitAsync(async () =>
            {
                var m = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
                return m is { SerializedCustomStatus: not null } && m.ReadCustomStatusAs<ActionProgress>()?.AwaitsHuman == true;
            });
            await host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(approved, "lead@example.com", null));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        return (id, metadata.ReadOutputAs<GovernanceOutcome>()!);
    }

    static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    async Task<DisputeProgress> AwaitingAdjudicationAsync(string disputeId)
    {
        DisputeProgress? progress = null;
        await WaitAsync(async () =>
        {
            var metadata = await host.Client.GetInstanceAsync(disputeId, getInputsAndOutputs: true);
            progress = metadata?.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<DisputeProgress>();
            return progress?.AwaitsAdjudicator == true;
        });
        return progress!;
    }

    async Task<DisputeOutcome> ResolvedAsync(string disputeId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(disputeId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<DisputeOutcome>()!;
    }

    [Fact]
    public async Task FileDispute_AppliedActionOverturnedByAdjudicator_TrustLossAndChainedEvidence()
    {
        var (actionId, decided) = await DecidedAsync("dispute-overturn", Samples.ClassificationPact(), 0.95);
        Assert.Equal(ActionStatus.Applied, decided.Status);
        var (file, get, resolve) = Handlers();

        var filed = await file.HandleAsync(FileRequest("dk-overturn", actionId), host.Client, default);
        var disputeId = DisputeIds.FromKey("dk-overturn");
        await AwaitingAdjudicationAsync(disputeId);
        var notice = Assert.Single(host.Notifier.Sent, n => n.Request.ActionId == disputeId);
        var answered = await resolve.HandleAsync(ResolveRequest(disputeId, "overturned"), host.Client, default);
        var outcome = await ResolvedAsync(disputeId);
        var view = await get.HandleAsync(Json("GET", $"/api/disputes/{disputeId}", string.Empty, new Dictionary<string, string> { ["id"] = disputeId }), host.Client, default);

        Assert.Equal(202, filed.Status);
        Assert.Equal("adjudicators", notice.Group);
        Assert.Contains(notice.Request.Reasons, r => r.Contains("the category is wrong", StringComparison.Ordinal));
        Assert.Equal(202, answered.Status);
        Assert.Equal(DisputeVerdict.Overturned, outcome.Verdict);
        Assert.Equal("judge@example.com", outcome.Adjudicator);
        Assert.Equal("dispute:" + disputeId, outcome.Trust!.Signal.SignalId);
        Assert.True(outcome.Trust.Applied);
        Assert.Equal(AgentTrust.Domain.Trust.TrustParameters.Default.HumanRejectionLoss, outcome.Trust.Signal.Loss);
        var signals = await host.Trust.RecentSignalsAsync("classifier-01", "incident-classification", 50);
        Assert.Contains(signals, s => s.SignalId == "dispute:" + disputeId && s.ActionId == actionId);
        var records = host.Evidence.For(disputeId);
        Assert.Equal([EvidenceKinds.Dispute, EvidenceKinds.Jury, EvidenceKinds.Notification, EvidenceKinds.DisputeResolution], records.Select(r => r.Kind));
        Assert.Empty(outcome.Jury!.Juries);
        Assert.Null(outcome.Jury.AgentAtFault);
        Assert.Null(records[0].PreviousDigest);
        Assert.All(records.Skip(1), r => Assert.NotNull(r.PreviousDigest));
        Assert.Contains("\"verdict\":\"overturned\"", records[^1].Payload.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(200, view.Status);
        Assert.Contains("\"status\":\"overturned\"", Encoding.UTF8.GetString(view.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileDispute_JudgedPactAndNoAnswer_JuryRerunThenExpiresAndOriginalStands()
    {
        var judged = Samples.ClassificationPact() with { Clauses = [.. Samples.ClassificationPact().Clauses, JudgeSamples.ClassificationConsistent] };
        var (actionId, decided) = await DecidedAsync("dispute-expire", judged, 0.95, approve: true);
        Assert.Equal(ActionStatus.Approved, decided.Status);
        var (file, _, resolve) = Handlers(timeoutSeconds: 2);

        await file.HandleAsync(FileRequest("dk-expire", actionId), host.Client, default);
        var disputeId = DisputeIds.FromKey("dk-expire");
        var progress = await AwaitingAdjudicationAsync(disputeId);
        var outcome = await ResolvedAsync(disputeId);
        var late = await resolve.HandleAsync(ResolveRequest(disputeId, "overturned"), host.Client, default);

        var jury = Assert.Single(progress.Jury!.Juries);
        Assert.Equal(JudgeSamples.ClassificationConsistent.Id, jury.ClauseId);
        Assert.Equal(JuryOutcome.Uncertain, jury.Outcome);
        Assert.Null(progress.Jury.AgentAtFault);
        Assert.Equal(DisputeVerdict.Expired, outcome.Verdict);
        Assert.Null(outcome.Trust);
        Assert.DoesNotContain(await host.Trust.RecentSignalsAsync("classifier-01", "incident-classification", 50), s => s.SignalId == "dispute:" + disputeId);
        Assert.Equal(
            [EvidenceKinds.Dispute, EvidenceKinds.Jury, EvidenceKinds.Notification, EvidenceKinds.DisputeResolution],
            host.Evidence.For(disputeId).Select(r => r.Kind));
        Assert.Equal(409, late.Status);
    }

    [Fact]
    public async Task FileDispute_SameKeyTwice_ReplaysTheFirstAndRefusesOtherContent()
    {
        var (actionId, _) = await DecidedAsync("dispute-replay", Samples.ClassificationPact(), 0.95);
        var (file, _, _) = Handlers();

        var first = await file.HandleAsync(FileRequest("dk-replay", actionId), host.Client, default);
        var again = await file.HandleAsync(FileRequest("dk-replay", actionId), host.Client, default);
        var other = await file.HandleAsync(FileRequest("dk-replay", actionId, disputant: "someone-else@example.com"), host.Client, default);

        Assert.Equal(202, first.Status);
        Assert.Equal(200, again.Status);
        Assert.Equal("true", again.Headers["Idempotent-Replayed"]);
        Assert.Equal(422, other.Status);
        Assert.Contains("dispute-key-reused", Encoding.UTF8.GetString(other.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileDispute_BadInput_ProblemDetailsNamingEveryField()
    {
        var (file, _, _) = Handlers();

        var response = await file.HandleAsync(
            Json("POST", "/api/disputes", """{"kind":"verdict","actionId":"act-nothex","role":"boss","reason":"","extra":1}"""), host.Client, default);
        var unknown = await file.HandleAsync(FileRequest("dk-unknown", "act-" + new string('0', 32)), host.Client, default);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body);
        var fields = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "disputeKey", "kind", "disputant", "role", "reason", "extra" }, fields);
        Assert.Equal(422, unknown.Status);
        Assert.Contains("dispute-target-not-found", Encoding.UTF8.GetString(unknown.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ByTheDisputantOrWithExpiredVerdict_Refused()
    {
        var (actionId, _) = await DecidedAsync("dispute-self", Samples.ClassificationPact(), 0.95);
        var (file, _, resolve) = Handlers();
        await file.HandleAsync(FileRequest("dk-self", actionId), host.Client, default);
        var disputeId = DisputeIds.FromKey("dk-self");
        await AwaitingAdjudicationAsync(disputeId);

        var self = await resolve.HandleAsync(ResolveRequest(disputeId, "overturned", adjudicator: "Requester@example.com"), host.Client, default);
        var expired = await resolve.HandleAsync(ResolveRequest(disputeId, "expired"), host.Client, default);

        Assert.Equal(422, self.Status);
        Assert.Contains("adjudicator-is-disputant", Encoding.UTF8.GetString(self.Body.Span), StringComparison.Ordinal);
        Assert.Equal(400, expired.Status);
        Assert.True((await host.Client.GetInstanceAsync(disputeId))!.IsRunning);
    }
}
