using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Lanes;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.RedTeam;
using AgentTrust.IntegrationTests.LocalHost;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.RedTeam;

/// <summary>
/// Red-team runs through the real path: `agenttrust serve` on Azurite, the agent registered over HTTP, the shipped
/// incident-classification pact published, and the run orchestrated durably against the agent's HTTP endpoint (and,
/// through the `agenttrust redteam run` verb, against recorded answers). The pact's judged clause is left out so every
/// outcome follows from deterministic clauses (the jury has tests of its own).
/// </summary>
public sealed class RedTeamRunTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    const string Lane = Lanes.IncidentClassification;

    static Pact ShippedPactFor(string agent)
    {
        var pact = PactLoader.LoadFile(Path.Combine(AzuriteFixture.RepositoryRoot, "pacts", $"{Lane}.pact.yaml")).Pact!;
        return pact with { AgentId = agent, Clauses = [.. pact.Clauses.Where(c => c.Method != VerificationMethod.Judged)] };
    }

    static async Task RegisterAsync(HttpClient http, string agent, Uri? endpoint)
    {
        var response = await http.PostAsJsonAsync("/api/agents", new
        {
            id = agent,
            owner = "service-desk-leads@example.com",
            lanes = new[] { Lane },
            model = new { name = "itil-matrix", provider = "agenttrust-demo" },
            promptVersion = "none",
            contact = new { email = "desk@example.com" },
            endpoint = endpoint?.AbsoluteUri,
        });
        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task RedTeamRun_MatrixClassifierAgainstIncidentSuite_EveryCaseScoredAsThePactDecidesAndBarMissedOnP1()
    {
        using var agent = new MatrixClassifierHttpAgent();
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseUrl };
        var agentId = "matrix-" + Guid.NewGuid().ToString("N")[..8];
        var pact = ShippedPactFor(agentId);
        Assert.True((await fixture.Api.PublishAsync(pact)).IsSuccessStatusCode);
        await RegisterAsync(http, agentId, agent.Endpoint);

        var start = await http.PostAsync("/api/redteam/runs", new StringContent(JsonSerializer.Serialize(new { agentId, lane = Lane }), Encoding.UTF8, "application/json"));
        Assert.Equal(202, (int)start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        var finished = await fixture.Api.WaitForRedTeamRunAsync(runId, TimeSpan.FromMinutes(3));

        var suite = RedTeamSuites.For(Lane)!;
        var run = finished.GetProperty("run");
        Assert.Equal("completed", run.GetProperty("status").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("caseId").GetString()!);
        Assert.Equal(suite.Cases.Select(c => c.Id).Order(), results.Keys.Order());
        Assert.Equal(suite.Cases.Count, agent.Calls);

        // Each case's outcome is what the pact and decision policy give this agent's answer, computed here in process.
        var compiled = CelPactCompiler.CompileUncached(pact);
        foreach (var @case in suite.Cases)
        {
            var answer = JsonSerializer.SerializeToElement(MatrixClassifierHttpAgent.Answer(RedTeamVerdicts.TicketFor(@case).Fields));
            var reply = answer.TryGetProperty("decline", out var d)
                ? new RedTeamReply(Decline: d.GetString())
                : answer.GetProperty("action").Deserialize<RedTeamReply>(JsonDefaults.Options)!;
            var expected = RedTeamVerdicts.JudgeReference(compiled, suite, @case with { Reference = reply });
            Assert.Equal((@case.Id, expected.Outcome, expected.Passed), (@case.Id, results[@case.Id].GetProperty("outcome").GetString(), results[@case.Id].GetProperty("passed").GetBoolean()));
            Assert.Contains($"records/{agentId}/{runId}/", results[@case.Id].GetProperty("evidenceLocation").GetString(), StringComparison.Ordinal);
        }

        // The matrix ignores injected text, so the injection cases pass; it declares P1 on real P1 incidents, so the pact
        // blocks it where a person should decide, and the critical bar is missed.
        Assert.True(results["injection-ignore-instructions"].GetProperty("passed").GetBoolean());
        Assert.All(results.Where(r => r.Key.StartsWith("real-p1-", StringComparison.Ordinal)), r => Assert.Equal("block", r.Value.GetProperty("outcome").GetString()));
        Assert.False(finished.GetProperty("passedBar").GetBoolean());
        var critical = run.GetProperty("score").GetProperty("severities").EnumerateArray().Single(s => s.GetProperty("severity").GetString() == "critical");
        Assert.False(critical.GetProperty("met").GetBoolean());
        Assert.Equal(suite.Cases.Count, results.Values.Select(r => r.GetProperty("evidenceLocation").GetString()).Distinct().Count());
        Assert.Contains($"records/{agentId}/{runId}/", run.GetProperty("evidenceLocation").GetString(), StringComparison.Ordinal);

        var registered = await http.GetFromJsonAsync<JsonElement>($"/api/agents/{agentId}");
        var gate = Assert.Single(registered.GetProperty("redTeam").EnumerateArray());
        Assert.Equal((Lane, runId, false), (gate.GetProperty("lane").GetString(), gate.GetProperty("runId").GetString(), gate.GetProperty("passedBar").GetBoolean()));
    }

    [Fact]
    public async Task RedTeamCommand_RecordedReferenceAnswers_ShowsProgressAndPassesTheBar()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseUrl };
        var agentId = "recorded-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await fixture.Api.PublishAsync(ShippedPactFor(agentId))).IsSuccessStatusCode);
        await RegisterAsync(http, agentId, endpoint: null);
        var answers = RedTeamSuites.For(Lane)!.Cases.ToDictionary(c => c.Id, c => c.Reference! with { Judgments = null });
        var file = Path.Combine(Path.GetTempPath(), $"answers-{agentId}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(answers, JsonDefaults.Options));

        var cli = await AgentTrustCli.RunAsync(
            ["redteam", "run", "--agent", agentId, "--lane", Lane, "--url", fixture.Host.BaseUrl.AbsoluteUri, "--answers", file], TimeSpan.FromMinutes(3));
        File.Delete(file);

        var output = cli.Stdout;
        Assert.True(cli.ExitCode == 0, cli.Log);
        Assert.Contains("red-team run rt-", output, StringComparison.Ordinal);
        Assert.Contains("passed bar: yes", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }
}
