using System.Net;
using System.Text.Json;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.LocalHost;

/// <summary>The governed loop through the local host's HTTP API, durable on real Azurite.</summary>
public sealed class LocalHostHttpTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    static string NewAgent() => "agent-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ProposeAction_KeepsThePact_IsAppliedWithEvidenceInBlobStorage()
    {
        var agent = NewAgent();
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.PublishAsync(Actions.Pact(agent))).StatusCode);

        var (response, view) = await fixture.Api.ProposeAsync(Actions.Classify(agent, "k1", priority: 3, confidence: 0.95));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("applied", view.GetProperty("status").GetString());
        // The local host's client stamps the workflow with this build's version (WorkflowVersioning).
        Assert.Equal(AgentTrust.Orchestrations.Hosting.WorkflowVersioning.Current, view.GetProperty("workflowVersion").GetString());
        var evidence = view.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, evidence.Count);
        // Locations name records; the log says where their bytes are (ranges of batch blobs): read them as an export does.
        var bundle = await new AgentTrust.Orchestrations.Evidence.StorageEvidenceExporter(StoredEvidenceNames.Clients(fixture.ConnectionString)).ReadAsync();
        var stored = bundle.Logs.Single(l => l.LogId == agent).Leaves.Where(l => l.Content is { Length: > 0 }).Select(l => "evidence/" + l.Name).ToList();
        Assert.All(evidence, location => Assert.Contains(location, stored));
    }

    [Fact]
    public async Task ProposeAction_BreaksCriticalClause_IsBlockedWithReason()
    {
        var agent = NewAgent();
        await fixture.Api.PublishAsync(Actions.Pact(agent));

        var (_, view) = await fixture.Api.ProposeAsync(Actions.Classify(agent, "k1", priority: 1, confidence: 0.99));

        Assert.Equal("blocked", view.GetProperty("status").GetString());
        Assert.Contains("never-sets-p1", view.GetProperty("decision").GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeAction_SameIdempotencyKeyTwice_StartsOneWorkflowAndReturnsItsStatus()
    {
        var agent = NewAgent();
        await fixture.Api.PublishAsync(Actions.Pact(agent));
        var body = Actions.Classify(agent, "same-key", priority: 3, confidence: 0.95);

        var (first, firstView) = await fixture.Api.ProposeAsync(body);
        var (second, secondView) = await fixture.Api.ProposeAsync(body);
        var (changed, problem) = await fixture.Api.ProposeAsync(Actions.Classify(agent, "same-key", priority: 4, confidence: 0.95));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(firstView.GetProperty("id").GetString(), secondView.GetProperty("id").GetString());
        Assert.Equal(firstView.GetProperty("evidence").GetArrayLength(), secondView.GetProperty("evidence").GetArrayLength());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.EndsWith("idempotency-key-reused", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeAction_ConcurrentRetriesOfOneKey_AllSeeOneWorkflow()
    {
        var agent = NewAgent();
        await fixture.Api.PublishAsync(Actions.Pact(agent));
        var body = Actions.Classify(agent, "raced", priority: 3, confidence: 0.95);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.Api.ProposeAsync(body, waitSeconds: 0)));

        Assert.Single(results.Select(r => r.Body.GetProperty("id").GetString()).Distinct());
        Assert.All(results, r => Assert.True(r.Response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("{\"agentId\":\"x\"}", "application/json", 400)]
    [InlineData("{\"agentId\":", "application/json", 400)]
    [InlineData("{}", "text/plain", 415)]
    public async Task ProposeAction_BadRequest_ProblemDetailsAndNothingStarted(string body, string contentType, int status)
    {
        var (response, problem) = await fixture.Api.ProposeAsync(body, waitSeconds: 0, contentType: contentType);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ProposeAction_BodyOverLimit_Returns413()
    {
        var (response, problem) = await fixture.Api.ProposeAsync("{\"rationale\":\"" + new string('x', 100_000) + "\"}", waitSeconds: 0);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task SubmitApproval_LowConfidenceAction_HumanRejectsAndTheActionIsRejected()
    {
        var agent = NewAgent();
        await fixture.Api.PublishAsync(Actions.Pact(agent));
        var (_, view) = await fixture.Api.ProposeAsync(Actions.Classify(agent, "k1", priority: 3, confidence: 0.3));
        Assert.Equal("awaiting-approval", view.GetProperty("status").GetString());
        var id = view.GetProperty("id").GetString()!;

        var (accepted, _) = await fixture.Api.ApproveAsync(id, approved: false);
        var final = await fixture.Api.WaitForStatusAsync(id, TimeSpan.FromSeconds(30), "rejected", "approved", "expired");
        var (late, _) = await fixture.Api.ApproveAsync(id, approved: true);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("rejected", final.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        // evaluation, decision, notification (who was asked), approval
        Assert.Equal(4, final.GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task PublishPact_ExpressionDoesNotCompile_RefusedWithTheFieldAndNothingStored()
    {
        var agent = NewAgent();
        var pact = Actions.Pact(agent) with { Clauses = [new("broken", "action.priority in [1, 2", Domain.Pacts.ClauseSeverity.Major)] };

        var response = await fixture.Api.PublishAsync(pact);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("clauses[0].condition", problem.GetProperty("errors")[0].GetProperty("field").GetString(), StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseUrl };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/api/pacts/{agent}/incident-classification", UriKind.Relative))).StatusCode);
    }
}
