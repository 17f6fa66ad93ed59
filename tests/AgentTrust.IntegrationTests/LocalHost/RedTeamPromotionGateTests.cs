using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.RedTeam;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.LocalHost;

/// <summary>
/// The red-team bar gates promotion to autonomous, end to end: `agenttrust serve` on Azurite runs the real governed
/// orchestration; a registered agent under the shipped incident-classification pact (its <c>promotion.redteam</c> bar,
/// a supervised start and a low promotion bar so a few approvals earn it) builds good trust through approved actions,
/// is held at supervised while it has no red-team run, and is promoted by the next good evaluation after a passing run
/// (recorded answers, through POST /api/redteam/runs). Read back from GET /api/agents/{agent}/autonomy and from the
/// signed tier-change evidence.
/// </summary>
public sealed class RedTeamPromotionGateTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    const string Lane = Domain.Lanes.Lanes.IncidentClassification;
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    int tickets;

    static Pact GatedPact(string agent)
    {
        var shipped = PactLoader.LoadFile(Path.Combine(AzuriteFixture.RepositoryRoot, "pacts", $"{Lane}.pact.yaml")).Pact!;
        Assert.NotNull(shipped.Promotion?.RedTeam);
        return shipped with
        {
            AgentId = agent,
            // The judged clause needs a model; every outcome here follows from the deterministic clauses.
            Clauses = [.. shipped.Clauses.Where(c => c.Method != VerificationMethod.Judged)],
            Autonomy = new AutonomyPolicy(AutonomyTier.Supervised, 0.8, new PromotionRule(0.35, MinEvents: 3, Sustained: 2, MinDwellHours: 0)),
            // The shipped trust-below path sits above this test's low promotion bar (the pact check refuses that).
            Consequences = [.. (shipped.Consequences ?? []).Where(c => c.On != ConsequenceTrigger.TrustBelow)],
        };
    }

    [Fact]
    public async Task Promotion_GoodTrustWithoutPassingRedTeamRun_HeldAtSupervisedThenPromotedAfterPassingRun()
    {
        var agent = "gated-" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.PublishAsync(GatedPact(agent))).StatusCode);
        var registered = await http.PostAsJsonAsync("/api/agents", new
        {
            id = agent,
            owner = "service-desk-leads@example.com",
            lanes = new[] { Lane },
            model = new { name = "itil-matrix", provider = "agenttrust-demo" },
            promptVersion = "none",
            contact = new { email = "desk@example.com" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // Supervised: clean actions wait for a person; approved, they build trust until the promotion bar is met, held.
        JsonElement autonomy = default;
        for (var approvals = 0; ; approvals++)
        {
            Assert.True(approvals < 20, "the promotion bar was never met");
            await ProposeAndApproveAsync(agent);
            autonomy = await AutonomyAsync(http, agent);
            if (autonomy.TryGetProperty("promotionHeld", out var held) && held.ValueKind == JsonValueKind.String)
            {
                break;
            }

            Assert.Equal("supervised", autonomy.GetProperty("tier").GetString());
        }

        // Good trust, no red-team run: held at supervised, and the reason says so.
        Assert.Equal("supervised", autonomy.GetProperty("tier").GetString());
        Assert.StartsWith("promotion held: red-team bar not met (no red-team run of the agent in the lane)", autonomy.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await ProposeAndApproveAsync(agent);
        Assert.Equal("supervised", (await AutonomyAsync(http, agent)).GetProperty("tier").GetString());

        // A passing red-team run (the suite's reference answers, recorded) clears the gate.
        var answers = RedTeamSuites.For(Lane)!.Cases.ToDictionary(c => c.Id, c => c.Reference! with { Judgments = null });
        var body = JsonSerializer.Serialize(new { agentId = agent, lane = Lane, answers }, JsonDefaults.Options);
        using var start = await http.PostAsync("/api/redteam/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        var run = await fixture.Api.WaitForRedTeamRunAsync(runId, TimeSpan.FromMinutes(3));
        Assert.True(run.GetProperty("passedBar").GetBoolean(), run.ToString());

        // The next good evaluation promotes: autonomous, and actions are applied without a person.
        await ProposeAndApproveAsync(agent);
        var promoted = await AutonomyAsync(http, agent);
        Assert.Equal("autonomous", promoted.GetProperty("tier").GetString());
        Assert.Contains($"red-team bar met (run {runId} of agent version 1 passed)", promoted.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("applied", (await ProposeAsync(agent)).Status);

        // Both are signed tier-change evidence: the hold (once), then the promotion.
        var changes = await TierChangesAsync(agent);
        Assert.Equal(["promotion-held", "promotion"], changes.Select(c => c.Trigger));
        Assert.Equal((AutonomyTier.Supervised, AutonomyTier.Supervised), (changes[0].From, changes[0].To));
        Assert.Equal((AutonomyTier.Supervised, AutonomyTier.Autonomous), (changes[1].From, changes[1].To));
        Assert.StartsWith("promotion held: red-team bar not met", changes[0].Reason, StringComparison.Ordinal);
    }

    async Task ProposeAndApproveAsync(string agent)
    {
        var (id, status) = await ProposeAsync(agent);
        Assert.Equal("awaiting-approval", status);
        var (response, answer) = await fixture.Api.ApproveAsync(id, approved: true);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {answer}");
        await fixture.Api.WaitForStatusAsync(id, Wait, "approved");
    }

    async Task<(string Id, string Status)> ProposeAsync(string agent)
    {
        var ticket = "INC" + (8000000 + Interlocked.Increment(ref tickets)).ToString(CultureInfo.InvariantCulture);
        var body = $$$"""
            {"agentId":"{{{agent}}}","lane":"{{{Lane}}}",
             "ticket":{"system":"servicenow","id":"{{{ticket}}}","fields":{"priority":"3 - Moderate","impact":"2 - Medium","urgency":"2 - Medium","reassignment_count":0}},
             "action":{"type":"classify","fields":{"priority":3,"impact":2,"urgency":2,"category":"Category 55","kb_articles":["KB0010123"]}},
             "confidence":0.95,"idempotencyKey":"{{{Guid.NewGuid():N}}}"}
            """;
        var (response, view) = await fixture.Api.ProposeAsync(body);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted, $"{response.StatusCode}: {view}");
        var id = view.GetProperty("id").GetString()!;
        if (view.GetProperty("status").GetString() == "evaluating")
        {
            view = await fixture.Api.WaitForStatusAsync(id, Wait, "applied", "blocked", "shadowed", "awaiting-approval");
        }

        return (id, view.GetProperty("status").GetString()!);
    }

    static async Task<JsonElement> AutonomyAsync(HttpClient http, string agent)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/agents/{agent}/autonomy", UriKind.Relative)));
        return document.RootElement.GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("lane").GetString() == Lane).Clone();
    }

    async Task<IReadOnlyList<TierChange>> TierChangesAsync(string agent)
    {
        var bundle = await new Orchestrations.Evidence.StorageEvidenceExporter(StoredEvidenceNames.Clients(fixture.ConnectionString)).ReadAsync();
        var changes = new List<TierChange>();
        foreach (var record in bundle.Logs.Single(l => l.LogId == agent).Leaves)
        {
            var opened = EvidenceEnvelopes.Open(record.Content!);
            if (opened.Draft.Kind == Domain.Evidence.EvidenceKinds.TierChange)
            {
                Assert.NotEmpty(opened.Envelope.Signatures);
                changes.Add(opened.Draft.Payload.Deserialize<TierChange>(JsonDefaults.Options)!);
            }
        }

        return [.. changes.OrderBy(c => c.At)];
    }
}
