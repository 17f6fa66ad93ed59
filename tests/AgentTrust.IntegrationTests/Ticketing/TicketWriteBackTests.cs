using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Orchestrations.Ticketing;
using AgentTrust.Orchestrations.Ticketing.WriteBack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.IntegrationTests.Ticketing;

/// <summary>The real typed clients and resilience pipeline against local fake ServiceNow and Jira servers.</summary>
public sealed class TicketWriteBackTests : IAsyncLifetime
{
    const string SysId = "9d385017c611228701d22104cc95c371";
    readonly FakeTicketServer server = new();
    ServiceProvider services = null!;

    public Task InitializeAsync()
    {
        services = Services(attemptTimeoutSeconds: 1);
        server.Records[SysId] = new JsonObject { ["sys_id"] = SysId, ["number"] = "INC0010023", ["priority"] = "4", ["category"] = "" };
        server.Records["ITSM-45"] = new JsonObject { ["summary"] = "Cannot access shared drive" };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    ITicketWriteBack Writer(string system) => services.GetServices<ITicketWriteBack>().Single(w => w.System == system);

    /// <summary>The ticketing clients against the fake server; short attempt timeouts keep the hang tests quick.</summary>
    ServiceProvider Services(int attemptTimeoutSeconds)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var system in new[] { "ServiceNow", "Jira" })
        {
            var prefix = $"AgentTrust:Ticketing:{system}:";
            settings[prefix + "BaseUrl"] = server.BaseUrl.ToString();
            settings[prefix + "UserName"] = "agenttrust.integration";
            settings[prefix + "Password"] = "not-a-real-password";
            settings[prefix + "AttemptTimeoutSeconds"] = attemptTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[prefix + "RetryBaseDelaySeconds"] = "0.05";
            settings[prefix + "TotalTimeoutSeconds"] = "8";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddAgentTrustTicketing(configuration).BuildServiceProvider();
    }

    static WriteBackRequest Request(string system, string ticketId, string fieldsJson, JsonElement? ticketFields = null, string actionId = "act-11112222333344445555666677778888") => new(
        actionId,
        "classifier-01",
        "incident-classification",
        new TicketReference(system, ticketId, ticketFields),
        "classify",
        JsonDocument.Parse(fieldsJson).RootElement,
        ActionStatus.Applied,
        new Decision(DecisionKind.AutoApply, ["all clauses passed", "confidence 0.93 >= 0.8"], "sha256:abc123", 1),
        Approver: null,
        ["evidence/act-11112222333344445555666677778888/000000.json", "evidence/act-11112222333344445555666677778888/000001.json"]);

    static JsonElement ServiceNowTicket => JsonDocument.Parse($$"""{"table":"incident","sys_id":"{{SysId}}","number":"INC0010023"}""").RootElement;

    [Fact]
    public async Task ServiceNowApply_PatchesFieldsWorkNoteAndMarkerInOneWrite()
    {
        var result = await Writer("servicenow").ApplyAsync(Request("servicenow", "INC0010023", """{"priority":3,"category":"Category 55"}""", ServiceNowTicket));

        Assert.Equal(WriteBackStatus.Applied, result.Status);
        var record = server.Records[SysId];
        Assert.Equal(3, record["priority"]!.GetValue<int>());
        Assert.Equal("act-11112222333344445555666677778888", record["u_agenttrust_action"]!.GetValue<string>());
        var note = Assert.Single(server.Notes[SysId]);
        Assert.Contains("act-11112222333344445555666677778888", note, StringComparison.Ordinal);
        Assert.Contains("auto-apply under pact v1 (sha256:abc123)", note, StringComparison.Ordinal);
        Assert.Contains("evidence/act-11112222333344445555666677778888/000001.json", note, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("PATCH"));
    }

    [Fact]
    public async Task ServiceNowApply_Twice_SecondFindsTheMarkerAndWritesNothing()
    {
        var request = Request("servicenow", "INC0010023", """{"priority":3}""", ServiceNowTicket);
        await Writer("servicenow").ApplyAsync(request);

        var second = await Writer("servicenow").ApplyAsync(request);

        Assert.Equal(WriteBackStatus.AlreadyApplied, second.Status);
        Assert.Single(server.Notes[SysId]);
        Assert.Equal(1, server.Count("PATCH"));
    }

    [Fact]
    public async Task ServiceNowApply_WithoutSysId_LooksTheRecordUpByNumber()
    {
        var result = await Writer("servicenow").ApplyAsync(Request("servicenow", "INC0010023", """{"priority":2}"""));

        Assert.Equal(WriteBackStatus.Applied, result.Status);
        Assert.Equal(2, server.Records[SysId]["priority"]!.GetValue<int>());
    }

    [Fact]
    public async Task ServiceNowApply_ReadAnswered429WithRetryAfter_IsRetriedAfterTheServersDelay()
    {
        server.Fail("GET", 429, retryAfterSeconds: 1);
        // A 1 s attempt timeout can expire before the 429 arrives on a loaded machine; the retry would then follow the
        // timeout's short backoff, not the server's Retry-After, and this test would measure the wrong thing.
        await using var patient = Services(attemptTimeoutSeconds: 5);

        var result = await patient.GetServices<ITicketWriteBack>().Single(w => w.System == "servicenow").ApplyAsync(Request("servicenow", "INC0010023", """{"priority":3}""", ServiceNowTicket));

        Assert.Equal(WriteBackStatus.Applied, result.Status);
        var gets = server.Calls.Where(c => c.Method == "GET").Select(c => c.At).ToList();
        Assert.True(gets.Count >= 2);
        Assert.True(gets[1] - gets[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(gets[1] - gets[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ServiceNowApply_WriteAnswered500_IsWrittenAgainAfterRereadingTheMarker()
    {
        server.Fail("PATCH", 500);

        var result = await Writer("servicenow").ApplyAsync(Request("servicenow", "INC0010023", """{"priority":3}""", ServiceNowTicket));

        Assert.Equal(WriteBackStatus.Applied, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, server.Count("PATCH"));
        Assert.Single(server.Notes[SysId]);
    }

    [Fact]
    public async Task ServiceNowApply_WriteLandedButItsAnswerTimedOut_IsNotWrittenTwice()
    {
        server.ApplyThenDelay("PATCH", TimeSpan.FromSeconds(3));

        var result = await Writer("servicenow").ApplyAsync(Request("servicenow", "INC0010023", """{"priority":3}""", ServiceNowTicket));

        Assert.Equal(WriteBackStatus.Applied, result.Status);
        Assert.Equal(1, server.Count("PATCH"));
        Assert.Single(server.Notes[SysId]);
    }

    [Fact]
    public async Task ServiceNowApply_WriteRefusedWith400_FailsWithoutRetrying()
    {
        server.Fail("PATCH", 400);

        var result = await Writer("servicenow").ApplyAsync(Request("servicenow", "INC0010023", """{"priority":3}""", ServiceNowTicket));

        Assert.Equal(WriteBackStatus.Failed, result.Status);
        Assert.Equal("HTTP 400", result.Detail);
        Assert.Equal(1, server.Count("PATCH"));
    }

    [Fact]
    public async Task JiraApply_EditsFieldsWithAnInternalCommentAndTheMarkerProperty()
    {
        var result = await Writer("jira").ApplyAsync(Request("jira", "ITSM-45", """{"priority":{"name":"Medium"}}"""));

        Assert.Equal(WriteBackStatus.Applied, result.Status);
        var issue = server.Records["ITSM-45"];
        Assert.Equal("Medium", issue["priority"]!["name"]!.GetValue<string>());
        Assert.Equal("act-11112222333344445555666677778888", issue["properties"]!["agenttrust.writeback"]!["actionId"]!.GetValue<string>());
        Assert.Contains("classifier-01", Assert.Single(server.Notes["ITSM-45"]), StringComparison.Ordinal);
        Assert.Equal(1, server.Count("PUT"));
    }

    [Fact]
    public async Task JiraApply_ActionWithTransition_PostsATransition()
    {
        var result = await Writer("jira").ApplyAsync(Request("jira", "ITSM-45", """{"transition":"31","resolution":{"name":"Done"}}"""));

        Assert.Equal(WriteBackStatus.Applied, result.Status);
        Assert.Equal("31", server.Records["ITSM-45"]["transitionedTo"]!.GetValue<string>());
        Assert.Equal(1, server.Count("POST"));
        Assert.Equal(0, server.Count("PUT"));
    }

    [Fact]
    public async Task JiraApply_EditAnswered503ThenRetried_LeavesOneComment()
    {
        server.Fail("PUT", 503);

        var result = await Writer("jira").ApplyAsync(Request("jira", "ITSM-45", """{"labels":["agent-triaged"]}"""));

        Assert.Equal(WriteBackStatus.Applied, result.Status);
        Assert.Equal(2, server.Count("PUT"));
        Assert.Single(server.Notes["ITSM-45"]);
    }
}
