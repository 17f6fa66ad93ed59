using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Agents;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Trust;
using AgentTrust.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentTrust.Tests.Agents;

/// <summary>The registry's handlers over in-memory stores, with the real trust engine and fold.</summary>
public sealed class AgentRegistryApiTests
{
    const string Agent = "classifier-01";
    const string Lane = "incident-classification";

    sealed class Rig
    {
        public InMemoryAgentRegistry Registry { get; } = new();

        public InMemoryEvidenceStore Evidence { get; } = new();

        public InMemoryTrustStore Trust { get; } = new();

        public TrustEngine Engine { get; }

        public RegisterAgentHandler Register { get; }

        public GetAgentHandler Get { get; }

        public ListAgentsHandler List { get; }

        public Rig()
        {
            Engine = new TrustEngine(Evidence, Trust, new InMemoryTrustAttributionIndex(), TrustParameters.Default, TimeProvider.System);
            Register = new RegisterAgentHandler(new AgentRegistrar(Registry, Evidence, Trust, Engine, TimeProvider.System), Options.Create(new ApiOptions()));
            Get = new GetAgentHandler(Registry);
            List = new ListAgentsHandler(Registry);
        }

        /// <summary>What the governed loop's trust activity does after a clean decision, registry included.</summary>
        public async Task DecideAsync(string actionId, DateTimeOffset at)
        {
            var services = new ServiceCollection().AddSingleton(Engine).AddSingleton<IAgentRegistry>(Registry).BuildServiceProvider();
            var evaluation = new PactEvaluation("sha256:pact-v1", 1, true, [new ClauseResult("category-set", ClauseOutcome.Passed, ClauseSeverity.Major)]);
            await new UpdateTrustActivity(services).RunAsync(null!, new UpdateTrustRequest(actionId, Agent, Lane, "servicenow", "INC" + actionId, at, evaluation));
        }
    }

    static ApiRequest Post(string body) => new()
    {
        Method = "POST",
        Url = new Uri("http://localhost/api/agents"),
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" },
        Body = Encoding.UTF8.GetBytes(body),
    };

    static ApiRequest GetRequest(string path, string? agent = null) => new()
    {
        Method = "GET",
        Url = new Uri("http://localhost" + path),
        Route = agent is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["agent"] = agent },
    };

    static string WithPrompt(string prompt) => AgentProfileReaderTests.Valid.Replace("2026-11-01", prompt, StringComparison.Ordinal);

    static JsonElement Json(ApiResponse response) => JsonDocument.Parse(response.Body).RootElement;

    [Fact]
    public async Task RegisterAgent_InvalidBody_ProblemDetailsNamingFieldsAndNothingStored()
    {
        var rig = new Rig();
        var body = AgentProfileReaderTests.Valid.Replace("\"incident-classification\"", "\"incident-routing\"", StringComparison.Ordinal)
            .Replace("desk-agents@example.com", "nobody", StringComparison.Ordinal);

        var response = await rig.Register.HandleAsync(Post(body), null!, default);

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        var problem = Json(response);
        Assert.Equal("https://agenttrust.dev/problems/validation", problem.GetProperty("type").GetString());
        Assert.Equal(["lanes[0]", "contact.email"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Empty(await rig.Registry.ListAsync());
        Assert.Empty(rig.Evidence.For(AgentTrust.Domain.Agents.AgentRegistrationEvidence.ChainId(1)));
    }

    [Fact]
    public async Task RegisterAgent_WrongMediaType_415AndNothingStored()
    {
        var rig = new Rig();
        var request = new ApiRequest
        {
            Method = "POST",
            Url = new Uri("http://localhost/api/agents"),
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "text/plain" },
            Body = Encoding.UTF8.GetBytes(AgentProfileReaderTests.Valid),
        };

        var response = await rig.Register.HandleAsync(request, null!, default);

        Assert.Equal(415, response.Status);
        Assert.Empty(await rig.Registry.ListAsync());
    }

    [Fact]
    public async Task RegisterAgent_NewPromptVersion_DiscountsEarnedTrustOnceAndRecordsEvidence()
    {
        var rig = new Rig();
        var t0 = DateTimeOffset.UtcNow.AddDays(-2);
        var created = await rig.Register.HandleAsync(Post(AgentProfileReaderTests.Valid), null!, default);
        for (var i = 0; i < 8; i++)
        {
            await rig.DecideAsync("act-" + i, t0.AddMinutes(i));
        }

        var earned = (await rig.Trust.GetAsync(Agent, Lane))!;
        var again = await rig.Register.HandleAsync(Post(AgentProfileReaderTests.Valid), null!, default);
        var changed = await rig.Register.HandleAsync(Post(WithPrompt("2026-11-20")), null!, default);
        var discounted = (await rig.Trust.GetAsync(Agent, Lane))!;
        await rig.DecideAsync("act-after", DateTimeOffset.UtcNow);
        var after = (await rig.Trust.GetAsync(Agent, Lane))!;

        Assert.Equal(201, created.Status);
        Assert.Equal("created", Json(created).GetProperty("change").GetString());
        Assert.Equal("unchanged", Json(again).GetProperty("change").GetString());
        Assert.Equal(200, changed.Status);
        var body = Json(changed);
        Assert.Equal("new-version", body.GetProperty("change").GetString());
        Assert.Equal(2, body.GetProperty("agent").GetProperty("version").GetInt32());
        Assert.Equal(Lane, Assert.Single(body.GetProperty("trustDiscounts").EnumerateArray()).GetProperty("lane").GetString());

        // Version 1 named the version the trust was earned under: the decisions did not discount it.
        Assert.Equal("sha256:pact-v1", earned.Version);
        Assert.InRange(earned.Conduct.Positive, 7.99, 8);

        // Version 2 keeps the pact's share of the earlier evidence (decayed by at most two days), once.
        Assert.Equal("sha256:pact-v1|agent-v2", discounted.Version);
        Assert.InRange(discounted.Conduct.Positive, 8 * TrustParameters.Default.VersionDiscount * 0.9, 8 * TrustParameters.Default.VersionDiscount);
        Assert.Equal("sha256:pact-v1|agent-v2", after.Version);
        Assert.InRange(after.Conduct.Positive, discounted.Conduct.Positive, discounted.Conduct.Positive + 1.0000001);

        // Both revisions are evidence; the repeated registration wrote nothing new.
        var first = Assert.Single(rig.Evidence.For(AgentTrust.Domain.Agents.AgentRegistrationEvidence.ChainId(1)));
        var second = Assert.Single(rig.Evidence.For(AgentTrust.Domain.Agents.AgentRegistrationEvidence.ChainId(2)));
        Assert.Equal(EvidenceKinds.AgentRegistration, second.Kind);
        Assert.Equal("new-version", second.Payload.GetProperty("change").GetString());
        Assert.Equal(1, second.Payload.GetProperty("previousVersion").GetInt32());
        Assert.Equal(Json(created).GetProperty("evidence").GetString(), Json(again).GetProperty("evidence").GetString());
        Assert.Equal("created", first.Payload.GetProperty("change").GetString());
    }

    [Fact]
    public async Task RegisterAgent_ContactOnly_NewRevisionSameVersionNoDiscount()
    {
        var rig = new Rig();
        await rig.Register.HandleAsync(Post(AgentProfileReaderTests.Valid), null!, default);
        await rig.DecideAsync("act-1", DateTimeOffset.UtcNow);
        var before = (await rig.Trust.GetAsync(Agent, Lane))!;

        var response = await rig.Register.HandleAsync(Post(AgentProfileReaderTests.Valid.Replace("desk-agents@", "oncall@", StringComparison.Ordinal)), null!, default);

        var body = Json(response);
        Assert.Equal("updated", body.GetProperty("change").GetString());
        Assert.Equal(1, body.GetProperty("agent").GetProperty("version").GetInt32());
        Assert.Equal(2, body.GetProperty("agent").GetProperty("revision").GetInt32());
        Assert.Empty(body.GetProperty("trustDiscounts").EnumerateArray());
        Assert.Equal(before, await rig.Trust.GetAsync(Agent, Lane));
    }

    [Fact]
    public async Task GetAndListAgents_AfterTwoVersions_ShowCurrentVersionHistoryAndLaneFilter()
    {
        var rig = new Rig();
        await rig.Register.HandleAsync(Post(AgentProfileReaderTests.Valid), null!, default);
        await rig.Register.HandleAsync(Post(WithPrompt("2026-11-20")), null!, default);
        await rig.Register.HandleAsync(Post(AgentProfileReaderTests.Valid.Replace("classifier-01", "writer-01", StringComparison.Ordinal)
            .Replace("\"incident-classification\", \"problem-triage\"", "\"stakeholder-communication\"", StringComparison.Ordinal)), null!, default);

        var agent = Json(await rig.Get.HandleAsync(GetRequest("/api/agents/" + Agent, Agent), null!, default));
        var v1 = Json(await rig.Get.HandleAsync(GetRequest($"/api/agents/{Agent}?version=1", Agent), null!, default));
        var missing = await rig.Get.HandleAsync(GetRequest("/api/agents/nobody", "nobody"), null!, default);
        var all = Json(await rig.List.HandleAsync(GetRequest("/api/agents"), null!, default));
        var triage = Json(await rig.List.HandleAsync(GetRequest("/api/agents?lane=problem-triage"), null!, default));
        var badLane = await rig.List.HandleAsync(GetRequest("/api/agents?lane=nope"), null!, default);

        Assert.Equal("2026-11-20", agent.GetProperty("agent").GetProperty("promptVersion").GetString());
        Assert.Equal([1, 2], agent.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("2026-11-01", v1.GetProperty("agent").GetProperty("promptVersion").GetString());
        Assert.Equal(404, missing.Status);
        Assert.Equal(["classifier-01", "writer-01"], all.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(["classifier-01"], triage.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(400, badLane.Status);
    }
}
