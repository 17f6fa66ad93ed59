using System.Net.Http.Json;
using System.Text.Json;
using AgentTrust.IntegrationTests.LocalHost;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.IntegrationTests.Disputes;

/// <summary>
/// A dispute through the local host's HTTP API: the real dispute workflow on Azurite re-runs the jury, waits for the
/// adjudicator, and, overturned, lowers the agent's outcome score; its signed evidence passes <c>evidence verify</c>.
/// </summary>
public sealed class DisputeLocalHostTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    static async Task<JsonElement> WaitForDisputeAsync(HttpClient http, string id, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri($"/api/disputes/{id}", UriKind.Relative));
            last = await ReadAsync(response);
            if (last.GetProperty("status").GetString() == status)
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"dispute {id} did not reach {status}; last: {last}");
    }

    static async Task<JsonElement> OutcomeScoreAsync(HttpClient http, string agent)
    {
        var trust = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/agents/{agent}/trust", UriKind.Relative));
        return trust.GetProperty("lanes")[0];
    }

    [Fact]
    public async Task FileDispute_AppliedActionOverturnedByAdjudicator_OutcomeScoreFallsAndEvidenceVerifies()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var agent = "agent-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.PublishAsync(Actions.Pact(agent));
        var (_, proposed) = await fixture.Api.ProposeAsync(Actions.Classify(agent, "d1", priority: 3, confidence: 0.95));
        var actionId = proposed.GetProperty("id").GetString()!;
        await fixture.Api.WaitForStatusAsync(actionId, TimeSpan.FromSeconds(90), "applied");
        var before = await OutcomeScoreAsync(http, agent);

        using var filed = await http.PostAsJsonAsync("/api/disputes", new
        {
            disputeKey = "dispute-" + agent,
            kind = "decision",
            actionId,
            disputant = "requester@example.com",
            role = "requester",
            reason = "P3 was wrong: the outage affects every user",
        });
        var dispute = await ReadAsync(filed);
        var id = dispute.GetProperty("id").GetString()!;
        var waiting = await WaitForDisputeAsync(http, id, "awaiting-adjudication");
        using var resolved = await http.PostAsJsonAsync($"/api/disputes/{id}/resolution", new
        {
            adjudicator = "problem-manager@example.com",
            verdict = "overturned",
            comment = "the ticket text describes a site-wide outage",
        });
        var overturned = await WaitForDisputeAsync(http, id, "overturned");
        var after = await OutcomeScoreAsync(http, agent);

        Assert.Equal(202, (int)filed.StatusCode);
        Assert.Equal($"/api/disputes/{id}", filed.Headers.Location!.ToString());
        Assert.Equal("applied", waiting.GetProperty("originalStatus").GetString());
        Assert.Equal(202, (int)resolved.StatusCode);
        Assert.Equal("problem-manager@example.com", overturned.GetProperty("adjudicator").GetString());
        Assert.Equal("dispute:" + id, overturned.GetProperty("trust").GetProperty("signalId").GetString());
        Assert.True(
            after.GetProperty("outcome").GetProperty("mean").GetDouble() < before.GetProperty("outcome").GetProperty("mean").GetDouble(),
            $"before {before}, after {after}");
        Assert.Contains(after.GetProperty("changes").EnumerateArray(), c => c.GetProperty("signalId").GetString() == "dispute:" + id);
        var evidence = overturned.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(4, evidence.Count);
        Assert.EndsWith("-dispute.json", evidence[0], StringComparison.Ordinal);
        Assert.EndsWith("-dispute-resolution.json", evidence[^1], StringComparison.Ordinal);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await EvidenceCommand.RunAsync(["verify", "--connection-string", fixture.ConnectionString, "--agent", agent], stdout, stderr);
        Assert.True(code == 0, stdout.ToString() + stderr);

        // The resolution record is signed: altered without the key, verify names it.
        var name = evidence[^1]["evidence/".Length..];
        var parts = name.Split('/'); // records/{agent}/{action}/{sequence}-{kind}.json
        using var storage = new Evidence.EvidenceFixtures(StoredEvidenceNames.Clients(fixture.ConnectionString));
        var content = (await storage.Store.ListAsync(parts[1], parts[2])).Single(r => r.Location == evidence[^1]).Content.ToArray();
        await storage.RewriteBatchAsync(parts[1], new Dictionary<string, byte[]?> { [name] = Evidence.EvidenceFixtures.Alter(content) });
        using var afterStdout = new StringWriter();
        Assert.Equal(1, await EvidenceCommand.RunAsync(["verify", "--connection-string", fixture.ConnectionString, "--agent", agent], afterStdout, stderr));
        Assert.Contains(evidence[^1]["evidence/".Length..], afterStdout.ToString(), StringComparison.Ordinal);
    }
}
