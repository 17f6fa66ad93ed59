using System.Text.Json;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.IntegrationTests.Trust;

/// <summary>POST /api/outcomes and GET /api/agents/{agent}/trust on Azurite, with real signed evidence and recomputation.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrustApiTests(AzuriteFixture azurite)
{
    const string Agent = "router-01";
    const string Lane = "incident-routing";
    static readonly DateTimeOffset T0 = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>What the governed loop's trust activity does after a decision: remember the ticket, apply conduct.</summary>
    static async Task DecideAsync(TrustRig rig, string actionId, string ticketId, DateTimeOffset at, ClauseOutcome outcome = ClauseOutcome.Passed)
    {
        await rig.Engine.RememberDecisionAsync(new TrustAttribution("servicenow", ticketId, Agent, Lane, actionId, at));
        var evaluation = new PactEvaluation("sha256:pact-v1", 1, true, [new ClauseResult("group-known", outcome, ClauseSeverity.Major)]);
        await rig.Engine.ApplyAsync(TrustSignals.FromDecision(actionId, Agent, Lane, evaluation, null, at, rig.Engine.Parameters), "servicenow", ticketId);
    }

    static string Outcome(string eventId, string ticketId, string kind, DateTimeOffset at) =>
        JsonSerializer.Serialize(new { eventId, ticketSystem = "servicenow", ticketId, kind, occurredAt = at });

    static JsonElement Json(Orchestrations.Api.ApiResponse response) => JsonDocument.Parse(response.Body).RootElement;

    [Fact]
    public async Task PostOutcome_ReopenedTicket_AttributedToDecisionAndCountedOnce()
    {
        using var rig = new TrustRig(azurite);
        await DecideAsync(rig, "act-1", "INC0010001", T0);
        await DecideAsync(rig, "act-other", "INC0010002", T0);

        var first = await rig.PostOutcome.HandleAsync(TrustRig.Post(Outcome("snow:1:reopened", "INC0010001", "reopened", T0.AddDays(2))), null!, default);
        var again = await rig.PostOutcome.HandleAsync(TrustRig.Post(Outcome("snow:1:reopened", "INC0010001", "reopened", T0.AddDays(2))), null!, default);

        Assert.Equal(201, first.Status);
        var attributed = Assert.Single(Json(first).GetProperty("attributed").EnumerateArray());
        Assert.Equal("act-1", attributed.GetProperty("actionId").GetString());
        Assert.True(attributed.GetProperty("applied").GetBoolean());
        Assert.Equal(200, again.Status);
        Assert.True(Json(again).GetProperty("duplicate").GetBoolean());
        Assert.False(Json(again).GetProperty("attributed")[0].GetProperty("applied").GetBoolean());
        var state = await rig.Store.GetAsync(Agent, Lane);
        Assert.Equal(1, state!.Outcome.Events);
        Assert.Equal(TrustParameters.Default.OutcomeWeight(Domain.Outcomes.TicketOutcomeKind.Reopened).Loss * TrustParameters.Default.LossMultiplier, state.Outcome.Negative, 9);
    }

    [Fact]
    public async Task PostOutcome_LateOutcome_RevisesScoreAndOutsideWindowIsNotAttributed()
    {
        using var rig = new TrustRig(azurite);
        await DecideAsync(rig, "act-1", "INC0010001", T0);
        await rig.PostOutcome.HandleAsync(TrustRig.Post(Outcome("snow:1:resolved", "INC0010001", "Resolved", T0.AddDays(10))), null!, default);
        var before = (await rig.Store.GetAsync(Agent, Lane))!;

        // Arrives after the resolution, but happened before it: it still counts, decayed to its own time.
        var late = await rig.PostOutcome.HandleAsync(TrustRig.Post(Outcome("snow:1:escalated", "INC0010001", "escalated", T0.AddDays(3))), null!, default);
        var tooLate = await rig.PostOutcome.HandleAsync(TrustRig.Post(Outcome("snow:1:reopened", "INC0010001", "reopened", T0.AddDays(45))), null!, default);

        Assert.Single(Json(late).GetProperty("attributed").EnumerateArray());
        Assert.Empty(Json(tooLate).GetProperty("attributed").EnumerateArray());
        var after = (await rig.Store.GetAsync(Agent, Lane))!;
        Assert.Equal(2, after.Outcome.Events);
        Assert.True(after.Outcome.Negative > before.Outcome.Negative);
        var p = TrustParameters.Default;
        Assert.True(TrustScoring.Score(after, T0.AddDays(10), p).Outcome.Mean < TrustScoring.Score(before, T0.AddDays(10), p).Outcome.Mean);
    }

    [Theory]
    [InlineData("{}", "eventId")]
    [InlineData("{\"eventId\":\"e\",\"ticketSystem\":\"servicenow\",\"ticketId\":\"INC1\",\"kind\":\"exploded\",\"occurredAt\":\"2026-11-01T10:00:00Z\"}", "kind")]
    [InlineData("{\"eventId\":\"e\",\"ticketSystem\":\"servicenow\",\"ticketId\":\"INC1\",\"kind\":\"reopened\",\"occurredAt\":\"yesterday\"}", "occurredAt")]
    [InlineData("{\"eventId\":\"e\",\"ticketSystem\":\"servicenow\",\"ticketId\":\"INC1\",\"kind\":\"reopened\",\"occurredAt\":\"2026-11-01T10:00:00Z\",\"extra\":1}", "extra")]
    [InlineData("[1]", "$")]
    [InlineData("{\"eventId\":", "$")]
    public async Task PostOutcome_BadInput_ProblemDetailsNamingTheField(string body, string field)
    {
        using var rig = new TrustRig(azurite);

        var response = await rig.PostOutcome.HandleAsync(TrustRig.Post(body), null!, default);

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        var errors = Json(response).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains(errors, f => f!.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTrust_AfterDecisionsAndOutcome_BothScoresPerLaneWithEvidence()
    {
        using var rig = new TrustRig(azurite);
        await DecideAsync(rig, "act-1", "INC0010001", T0);
        await DecideAsync(rig, "act-2", "INC0010002", T0.AddHours(1), ClauseOutcome.Violated);
        await rig.PostOutcome.HandleAsync(TrustRig.Post(Outcome("snow:1:reopened", "INC0010001", "reopened", T0.AddDays(1))), null!, default);

        var response = await rig.GetTrust.HandleAsync(TrustRig.Get(Agent), null!, default);
        var unknown = await rig.GetTrust.HandleAsync(TrustRig.Get("nobody-yet"), null!, default);
        var invalid = await rig.GetTrust.HandleAsync(TrustRig.Get("../x"), null!, default);

        Assert.Equal(200, response.Status);
        var lane = Assert.Single(Json(response).GetProperty("lanes").EnumerateArray());
        Assert.Equal(Lane, lane.GetProperty("lane").GetString());
        Assert.Equal(2, lane.GetProperty("conduct").GetProperty("events").GetInt64());
        Assert.Equal(1, lane.GetProperty("outcome").GetProperty("events").GetInt64());
        Assert.True(lane.GetProperty("outcome").GetProperty("lowerBound").GetDouble() < lane.GetProperty("outcome").GetProperty("mean").GetDouble());
        var changes = lane.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(3, changes.Count);
        Assert.Equal("outcome:snow:1:reopened", changes[0].GetProperty("signalId").GetString());
        foreach (var change in changes)
        {
            // The record's name; its bytes are found through the log (a range of a batch blob).
            var name = change.GetProperty("evidence").GetString()!;
            var stored = await rig.Evidence.Store.ListAsync(Agent, name.Split('/')[2]);
            Assert.Contains(stored, r => r.Location == $"{rig.Evidence.Clients.Options.EvidenceContainerName}/{name}" && r.Content.Length > 0);
        }

        Assert.Empty(Json(unknown).GetProperty("lanes").EnumerateArray());
        Assert.True(Json(unknown).GetProperty("prior").GetProperty("lowerBound").GetDouble() < 0.1);
        Assert.Equal(404, invalid.Status);
    }

    [Fact]
    public async Task Recompute_FromVerifiedEvidence_GivesTheIncrementalScoresAndRepairsALostOne()
    {
        using var rig = new TrustRig(azurite);
        for (var i = 0; i < 6; i++)
        {
            await DecideAsync(rig, $"act-{i}", $"INC00100{i:D2}", T0.AddHours(i), i == 2 ? ClauseOutcome.Violated : ClauseOutcome.Passed);
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => rig.PostOutcome.HandleAsync(
            TrustRig.Post(Outcome($"snow:{i}", $"INC00100{i:D2}", i % 2 == 0 ? "resolved" : "reopened", T0.AddDays(1).AddHours(-i))), null!, default)));
        await rig.Evidence.Checkpointer.CheckpointAllAsync();
        var incremental = (await rig.Store.GetAsync(Agent, Lane))!;

        var agree = await rig.Recomputer.RunAsync(write: true);
        await rig.Store.PutAsync(incremental with { Outcome = BetaEvidence.Empty });
        var repaired = await rig.Recomputer.RunAsync(write: true);

        Assert.Empty(agree.Problems);
        Assert.Equal(12, agree.Signals);
        Assert.Empty(agree.Differing);
        Assert.Equal([$"{Agent}/{Lane}"], repaired.Differing);
        Assert.True(TrustRecomputer.Same(incremental, (await rig.Store.GetAsync(Agent, Lane))!));
    }

    [Fact]
    public async Task Recompute_SignalAppliedDuringTheRun_IsNotRolledBack()
    {
        using var rig = new TrustRig(azurite);
        for (var i = 0; i < 3; i++)
        {
            await DecideAsync(rig, $"act-{i}", $"INC00200{i:D2}", T0.AddHours(i));
        }

        // A decision lands after the recomputer read the stored states, before it writes them.
        var racing = new SignalAfterListingStore(rig.Store, () => DecideAsync(rig, "act-late", "INC0020099", T0.AddHours(5), ClauseOutcome.Violated));
        var recomputer = new TrustRecomputer(new StorageEvidenceExporter(rig.Evidence.Clients), racing, TrustParameters.Default);

        var report = await recomputer.RunAsync(write: true);

        var stored = (await rig.Store.GetAsync(Agent, Lane))!;
        Assert.Equal(4, stored.Conduct.Events);
        Assert.Equal([$"{Agent}/{Lane}"], report.ChangedMeanwhile);
        var next = await rig.Recomputer.RunAsync(write: true);
        Assert.Empty(next.Differing);
    }

    /// <summary>The Table store, with one signal applied right after the recomputer lists the states.</summary>
    sealed class SignalAfterListingStore(TableTrustStore inner, Func<Task> signal) : ITrustStore
    {
        public async Task<IReadOnlyList<StoredTrustState>> ListAllAsync(CancellationToken cancellationToken = default)
        {
            var states = await inner.ListAllAsync(cancellationToken);
            await signal();
            return states;
        }

        public Task<TrustApplyResult> ApplyAsync(TrustSignal signal, TrustParameters parameters, CancellationToken cancellationToken = default) => inner.ApplyAsync(signal, parameters, cancellationToken);

        public Task<TrustState?> GetAsync(string agentId, string lane, CancellationToken cancellationToken = default) => inner.GetAsync(agentId, lane, cancellationToken);

        public Task<IReadOnlyList<TrustState>> ListAsync(string agentId, CancellationToken cancellationToken = default) => inner.ListAsync(agentId, cancellationToken);

        public Task<IReadOnlyList<TrustSignal>> RecentSignalsAsync(string agentId, string lane, int take, CancellationToken cancellationToken = default) => inner.RecentSignalsAsync(agentId, lane, take, cancellationToken);

        public Task<bool> ReplaceAsync(TrustState state, string? expectedVersion, CancellationToken cancellationToken = default) => inner.ReplaceAsync(state, expectedVersion, cancellationToken);

        public Task PutAsync(TrustState state, CancellationToken cancellationToken = default) => inner.PutAsync(state, cancellationToken);
    }
}
