using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Pacts;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.LocalHost;

/// <summary>
/// Autonomy that follows trust, end to end: the real governed orchestration in the local host process on Azurite,
/// bad outcomes through POST /api/outcomes, violations through real actions, and the tier read back from
/// GET /api/agents/{agent}/autonomy and from the signed tier-change evidence.
/// </summary>
public sealed class AutonomyScenarioTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Low bars so a scenario of a few dozen events moves the ladder: demote below 0.3 once a dimension has 3 events,
    /// promote at 0.35 (the hysteresis gap) held for 2 evaluations, a budget of 40 % bad events once 8 are in the window
    /// (breach: shadow), a critical violation suspends and slashes half the bond.
    /// </summary>
    static Pact ScenarioPact(string agent) => Actions.Pact(agent) with
    {
        Autonomy = new AutonomyPolicy(
            AutonomyTier.Autonomous,
            0.8,
            new PromotionRule(0.35, MinEvents: 3, Sustained: 2, MinDwellHours: 0),
            new DemotionRule(0.3, MinEvents: 3, AutonomyTier.Supervised),
            new ErrorBudgetPolicy(0.6, WindowHours: 24, MinEvents: 8, OnBreach: AutonomyTier.Shadow),
            new LedgerTerms(Bond: 100)),
        Consequences = [new ConsequencePath("critical-suspends", ConsequenceTrigger.CriticalViolation, AutonomyTier.Suspended, Slash: 50)],
    };

    [Fact]
    public async Task DegradingAgent_IsDemotedStepByStep_AndRecoversOnlyWithEvidence()
    {
        var agent = "degrading-" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.PublishAsync(ScenarioPact(agent))).StatusCode);
        var n = 0;
        string Ticket() => "INC" + (7000000 + Interlocked.Increment(ref n)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Autonomous: clean actions are applied without a human.
        var tickets = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tickets.Add(Ticket());
            Assert.Equal("applied", await ProposeAsync(agent, 3, tickets[^1]));
        }

        Assert.Equal("autonomous", (await AutonomyAsync(http, agent)).GetProperty("tier").GetString());

        // Step 1: the tickets it touched bounce back. Outcome trust falls below the demotion bar: supervised.
        foreach (var ticket in tickets)
        {
            await PostOutcomeAsync(http, agent, ticket, "Reassigned");
        }

        var supervised = await AutonomyAsync(http, agent);
        Assert.Equal("supervised", supervised.GetProperty("tier").GetString());
        Assert.Contains("fell below the demotion bar", supervised.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var waiting = await ProposeForIdAsync(agent, 3, Ticket());
        Assert.Equal("awaiting-approval", waiting.Status);
        Assert.Contains(waiting.Reasons, r => r.StartsWith("the agent is supervised", StringComparison.Ordinal));
        await ApproveAsync(waiting.Id);

        // Step 2: a violation burns the error budget past its objective: the lane is held in shadow.
        Assert.Equal("blocked", await ProposeAsync(agent, 3, Ticket(), category: "Other"));
        var shadow = await AutonomyAsync(http, agent);
        Assert.Equal("shadow", shadow.GetProperty("tier").GetString());
        Assert.Equal("supervised", shadow.GetProperty("ladderTier").GetString());
        Assert.True(shadow.GetProperty("errorBudget").GetProperty("breached").GetBoolean());
        Assert.Equal("shadowed", await ProposeAsync(agent, 3, Ticket()));

        // The shadowed action was clean: good evidence brings the budget back under its objective, but only to the
        // ladder's tier. Time and no evidence promote nothing: still supervised.
        var recovered = await AutonomyAsync(http, agent);
        Assert.False(recovered.GetProperty("errorBudget").GetProperty("breached").GetBoolean());
        Assert.Equal("supervised", recovered.GetProperty("tier").GetString());

        // Recovery only with evidence: approved actions (clean conduct and good outcomes) until the bar is met, held.
        var approvals = 0;
        while ((await AutonomyAsync(http, agent)).GetProperty("tier").GetString() == "supervised")
        {
            Assert.True(approvals++ < 20, "the agent was never promoted");
            var next = await ProposeForIdAsync(agent, 3, Ticket());
            Assert.Equal("awaiting-approval", next.Status);
            await ApproveAsync(next.Id);
        }

        Assert.True(approvals >= 3, $"promoted after {approvals} approvals: the bar should need sustained evidence");
        Assert.Equal("autonomous", (await AutonomyAsync(http, agent)).GetProperty("tier").GetString());
        Assert.Equal("applied", await ProposeAsync(agent, 3, Ticket()));

        // Step 3: a critical violation suspends the agent at once and slashes the bond; then everything is blocked.
        Assert.Equal("blocked", await ProposeAsync(agent, 1, Ticket()));
        var suspended = await AutonomyAsync(http, agent);
        Assert.Equal("suspended", suspended.GetProperty("tier").GetString());
        Assert.Equal(50, suspended.GetProperty("ledger").GetProperty("bond").GetDouble());
        var (_, view) = await fixture.Api.ProposeAsync(Actions.Classify(agent, Guid.NewGuid().ToString("N"), 3, 0.95, Ticket()));
        Assert.Equal("blocked", view.GetProperty("status").GetString());
        Assert.StartsWith("the agent is suspended", view.GetProperty("decision").GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

        // Every change is signed evidence with its reason, in the order it happened.
        var changes = await TierChangesAsync(agent);
        Assert.Equal(
            [
                (AutonomyTier.Autonomous, AutonomyTier.Supervised),
                (AutonomyTier.Supervised, AutonomyTier.Shadow),
                (AutonomyTier.Shadow, AutonomyTier.Supervised),
                (AutonomyTier.Supervised, AutonomyTier.Autonomous),
                (AutonomyTier.Autonomous, AutonomyTier.Suspended),
            ],
            changes.Select(c => (c.From, c.To)));
        Assert.Equal(["demotion", "budget-breach", "budget-recovery", "promotion", "consequence:critical-suspends"], changes.Select(c => c.Trigger));
    }

    async Task<string> ProposeAsync(string agent, int priority, string ticket, string category = "Category 55") =>
        (await ProposeForIdAsync(agent, priority, ticket, category)).Status;

    async Task<(string Id, string Status, IReadOnlyList<string> Reasons)> ProposeForIdAsync(string agent, int priority, string ticket, string category = "Category 55")
    {
        var body = Actions.Classify(agent, Guid.NewGuid().ToString("N"), priority, 0.95, ticket).Replace("Category 55", category, StringComparison.Ordinal);
        var (response, view) = await fixture.Api.ProposeAsync(body);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted, $"{response.StatusCode}: {view}");
        var id = view.GetProperty("id").GetString()!;
        if (view.GetProperty("status").GetString() == "evaluating")
        {
            view = await fixture.Api.WaitForStatusAsync(id, Wait, "applied", "blocked", "shadowed", "awaiting-approval");
        }

        var reasons = view.TryGetProperty("decision", out var decision)
            ? decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];
        return (id, view.GetProperty("status").GetString()!, reasons);
    }

    async Task ApproveAsync(string id)
    {
        var (response, body) = await fixture.Api.ApproveAsync(id, approved: true);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        await fixture.Api.WaitForStatusAsync(id, Wait, "approved");
    }

    static async Task PostOutcomeAsync(HttpClient http, string agent, string ticket, string kind)
    {
        using var response = await http.PostAsJsonAsync("/api/outcomes", new
        {
            eventId = $"{ticket}:{kind}:{Guid.NewGuid():N}",
            ticketSystem = "servicenow",
            ticketId = ticket,
            kind,
            occurredAt = DateTimeOffset.UtcNow.AddSeconds(1),
            agentId = agent,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    static async Task<JsonElement> AutonomyAsync(HttpClient http, string agent)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/agents/{agent}/autonomy", UriKind.Relative)));
        return document.RootElement.GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("lane").GetString() == "incident-classification").Clone();
    }

    async Task<IReadOnlyList<TierChange>> TierChangesAsync(string agent)
    {
        // Every record of the agent's log, in log order, wherever storage keeps its bytes (batches).
        var bundle = await new Orchestrations.Evidence.StorageEvidenceExporter(StoredEvidenceNames.Clients(fixture.ConnectionString)).ReadAsync();
        var changes = new List<TierChange>();
        foreach (var record in bundle.Logs.Single(l => l.LogId == agent).Leaves)
        {
            var opened = EvidenceEnvelopes.Open(record.Content!);
            if (opened.Draft.Kind != Domain.Evidence.EvidenceKinds.TierChange)
            {
                continue;
            }

            Assert.NotEmpty(opened.Envelope.Signatures);
            changes.Add(opened.Draft.Payload.Deserialize<TierChange>(Domain.Hashing.JsonDefaults.Options)!);
        }

        return [.. changes.OrderBy(c => c.At)];
    }
}
