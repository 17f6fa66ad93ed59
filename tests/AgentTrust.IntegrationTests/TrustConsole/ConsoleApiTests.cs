using System.Net;
using System.Text;
using System.Text.Json;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>The console's endpoints over HTTP against the local host on Azurite: page, paging, problems, CSRF, evidence.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsoleApiTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    HttpClient Http() => new() { BaseAddress = fixture.Host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The next page's token; absent on the last page (nulls are not written).</summary>
    static string? Next(JsonElement page) => page.TryGetProperty("continuationToken", out var token) ? token.GetString() : null;

    static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task ShowConsole_Get_ServesEmbeddedPageAndAssetsUnderStrictPolicy()
    {
        using var http = Http();
        using var page = await http.GetAsync(new Uri("/api/console", UriKind.Relative));
        using var script = await http.GetAsync(new Uri("/api/console/assets/console.js", UriKind.Relative));
        using var style = await http.GetAsync(new Uri("/api/console/assets/console.css", UriKind.Relative));
        using var missing = await http.GetAsync(new Uri("/api/console/assets/other.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/css", style.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GetConsoleSession_DevelopmentApproverConfigured_NamesIt()
    {
        using var http = Http();
        var session = await JsonAsync(await http.GetAsync(new Uri("/api/console/session", UriKind.Relative)));

        Assert.True(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal(ConsoleFixture.Approver, session.GetProperty("approver").GetString());
        Assert.Equal("development", session.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("status=done", "status")]
    [InlineData("continuationToken=%25%25not-base64", "continuationToken")]
    public async Task ListActions_BadQuery_Returns400ProblemNamingTheField(string query, string field)
    {
        using var http = Http();
        using var response = await http.GetAsync(new Uri("/api/actions?" + query, UriKind.Relative));
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task ListActions_PageSizeOne_PagesNewestFirstWithReasonsAndPendingSeparately()
    {
        var actions = await ConsoleActions.ProposeAsync(fixture.Api);
        using var http = Http();

        var seen = new List<JsonElement>();
        string? next = null;
        for (var page = 0; page < 50 && seen.Count(i => i.GetProperty("agentId").GetString() == actions.Agent) < 3; page++)
        {
            var url = "/api/actions?pageSize=1" + (next is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(next));
            var body = await JsonAsync(await http.GetAsync(new Uri(url, UriKind.Relative)));
            Assert.True(body.GetProperty("items").GetArrayLength() <= 1);
            seen.AddRange(body.GetProperty("items").EnumerateArray());
            next = Next(body);
            if (next is null)
            {
                break;
            }
        }

        var mine = seen.Where(i => i.GetProperty("agentId").GetString() == actions.Agent).ToList();
        Assert.Equal([actions.Waiting, actions.Blocked, actions.Applied], mine.Select(i => i.GetProperty("id").GetString()));
        var decided = mine.Select(i => i.GetProperty("decidedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(decided.OrderByDescending(d => d), decided);
        Assert.Contains(mine[1].GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("never-sets-p1", StringComparison.Ordinal));
        Assert.Equal("blocked", mine[1].GetProperty("status").GetString());

        var pending = await JsonAsync(await http.GetAsync(new Uri("/api/actions?status=awaiting-approval&pageSize=200", UriKind.Relative)));
        var ids = pending.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains(actions.Waiting, ids);
        Assert.DoesNotContain(actions.Applied, ids);
    }

    [Fact]
    public async Task DecideInConsole_WithoutConsoleHeaderOrCrossSite_Refused403AndActionStillWaits()
    {
        var actions = await ConsoleActions.ProposeAsync(fixture.Api);
        using var http = Http();
        var body = """{"approved":true}""";

        using var noHeader = await http.PostAsync(new Uri($"/api/console/approvals/{actions.Waiting}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/api/console/approvals/{actions.Waiting}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        crossSite.Headers.Add("X-AgentTrust-Console", "1");
        crossSite.Headers.Add("Origin", "https://evil.example");
        using var crossSiteResponse = await http.SendAsync(crossSite);
        using var form = new HttpRequestMessage(HttpMethod.Post, $"/api/console/approvals/{actions.Waiting}") { Content = new StringContent("approved=true", Encoding.UTF8, "application/x-www-form-urlencoded") };
        form.Headers.Add("X-AgentTrust-Console", "1");
        using var formResponse = await http.SendAsync(form);
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSiteResponse.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formResponse.StatusCode);
        Assert.Equal("awaiting-approval", (await fixture.Api.GetAsync(actions.Waiting)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DecideInConsole_NamingAnotherApprover_Refused400()
    {
        var actions = await ConsoleActions.ProposeAsync(fixture.Api);
        using var http = Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/console/approvals/{actions.Waiting}")
        {
            Content = new StringContent("""{"approved":true,"approver":"someone-else@example.com"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-AgentTrust-Console", "1");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("awaiting-approval", (await fixture.Api.GetAsync(actions.Waiting)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DecideInConsole_SignedInApprover_RecordedAsThatApproverAndFeedSettles()
    {
        var actions = await ConsoleActions.ProposeAsync(fixture.Api);
        using var http = Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/console/approvals/{actions.Waiting}")
        {
            Content = new StringContent("""{"approved":false,"comment":"wrong category"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-AgentTrust-Console", "1");

        using var response = await http.SendAsync(request);
        var done = await fixture.Api.WaitForStatusAsync(actions.Waiting, TimeSpan.FromSeconds(30), "approved", "rejected", "expired");
        using var again = await http.SendAsync(Clone(request));
        var feed = await JsonAsync(await http.GetAsync(new Uri("/api/actions?status=rejected&pageSize=200", UriKind.Relative)));
        var row = feed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == actions.Waiting);
        var pending = await JsonAsync(await http.GetAsync(new Uri("/api/actions?status=awaiting-approval&pageSize=200", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("rejected", done.GetProperty("status").GetString());
        Assert.Equal(ConsoleFixture.Approver, done.GetProperty("approval").GetProperty("approver").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ConsoleFixture.Approver, row.GetProperty("approver").GetString());
        Assert.Equal("wrong category", row.GetProperty("comment").GetString());
        Assert.DoesNotContain(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == actions.Waiting);
    }

    static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = new StringContent("""{"approved":true}""", Encoding.UTF8, "application/json") };
        copy.Headers.Add("X-AgentTrust-Console", "1");
        return copy;
    }

    [Fact]
    public async Task ListTrustAndHistory_AfterDecisions_ShowTierScoresAndCurve()
    {
        var actions = await ConsoleActions.ProposeAsync(fixture.Api);
        using var http = Http();

        JsonElement? row = null;
        string? next = null;
        do
        {
            var url = "/api/trust?pageSize=200" + (next is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(next));
            var page = await JsonAsync(await http.GetAsync(new Uri(url, UriKind.Relative)));
            row = page.GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("agentId").GetString() == actions.Agent) ?? row;
            next = Next(page);
        }
        while (row is null && next is not null);

        Assert.NotNull(row);
        Assert.Equal("autonomous", row.Value.GetProperty("tier").GetString());
        var conduct = row.Value.GetProperty("conduct");
        Assert.InRange(conduct.GetProperty("lowerBound").GetDouble(), 0, conduct.GetProperty("mean").GetDouble());

        using var historyResponse = await http.GetAsync(new Uri($"/api/agents/{actions.Agent}/trust/history?lane=incident-classification&points=10", UriKind.Relative));
        var history = await JsonAsync(historyResponse);
        using var noLane = await http.GetAsync(new Uri($"/api/agents/{actions.Agent}/trust/history?points=1", UriKind.Relative));
        var noLaneProblem = await JsonAsync(noLane);

        Assert.Equal(HttpStatusCode.OK, historyResponse.StatusCode);
        Assert.True(history.GetProperty("signals").GetInt32() >= 2);
        var points = history.GetProperty("points").EnumerateArray().ToList();
        Assert.True(points.Count >= 2);
        Assert.Equal(conduct.GetProperty("events").GetInt64() + row.Value.GetProperty("outcome").GetProperty("events").GetInt64(), points[^1].GetProperty("events").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, noLane.StatusCode);
        Assert.Equal(["lane", "points"], noLaneProblem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Order());
    }

    [Theory]
    [InlineData("name=../keys/x.json", HttpStatusCode.BadRequest)]
    [InlineData("name=records/nobody/act-0123456789abcdef/0000-decision.json", HttpStatusCode.NotFound)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task GetEvidenceRecord_BadOrUnknownName_ReturnsProblem(string query, HttpStatusCode expected)
    {
        using var http = Http();
        using var response = await http.GetAsync(new Uri("/api/evidence/record?" + query, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GetEvidenceRecord_DecisionRecord_ReturnsBytesProofAndCheckpointThatVerify()
    {
        var actions = await ConsoleActions.ProposeAsync(fixture.Api);
        var location = (await fixture.Api.GetAsync(actions.Applied)).GetProperty("evidence").EnumerateArray()
            .Select(e => e.GetString()!).First(e => e.EndsWith("-decision.json", StringComparison.Ordinal));
        using var http = Http();

        JsonElement bundle = default;
        for (var i = 0; i < 60; i++)
        {
            bundle = await JsonAsync(await http.GetAsync(new Uri("/api/evidence/record?name=" + Uri.EscapeDataString(location), UriKind.Relative)));
            if (bundle.GetProperty("status").GetString() == "checkpointed")
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal("checkpointed", bundle.GetProperty("status").GetString());
        var record = Convert.FromBase64String(bundle.GetProperty("record").GetString()!);
        var leaf = AgentTrust.Domain.Evidence.Merkle.MerkleTree.LeafHash(record);
        var checkpoint = bundle.GetProperty("checkpoint");
        var proof = bundle.GetProperty("inclusionProof").EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!)).ToList();
        Assert.Equal(Convert.ToHexStringLower(leaf), bundle.GetProperty("leafHash").GetString());
        Assert.True(AgentTrust.Domain.Evidence.Merkle.MerkleTree.VerifyInclusion(
            leaf, bundle.GetProperty("leafIndex").GetInt64(), checkpoint.GetProperty("treeSize").GetInt64(), proof, Convert.FromBase64String(checkpoint.GetProperty("rootHash").GetString()!)));
        Assert.Contains(bundle.GetProperty("keys").EnumerateArray(), k => k.GetProperty("keyId").GetString() == checkpoint.GetProperty("keyId").GetString());
    }
}
