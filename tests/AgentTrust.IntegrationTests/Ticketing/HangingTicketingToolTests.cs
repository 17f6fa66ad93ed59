using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.IntegrationTests.Ticketing;

/// <summary>
/// A ticketing tool that accepts connections and never answers, driven through the whole governed workflow of the
/// local host on Azurite with the real ServiceNow and Jira clients: each write-back attempt times out within its
/// configured timeout, is retried as configured, and the workflow ends decided but visibly degraded, with a signed
/// write-back record of the failure; never applied silently, never stuck.
/// </summary>
public sealed class HangingTicketingToolTests : IAsyncLifetime
{
    // Long enough that the test server's own scheduling delay (its arrival stamps, on a loaded 2-core machine, came
    // up to 0.15 s late) stays small beside it.
    const double AttemptTimeoutSeconds = 2;
    const int MaxRetries = 1;
    const int MaxWriteAttempts = 2;

    readonly AzuriteFixture azurite = new();
    readonly HangingTicketServer tool = new();
    LocalHostProcess host = null!;
    ApiClient api = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        var settings = new List<string>();
        foreach (var system in new[] { "ServiceNow", "Jira" })
        {
            var prefix = $"--AgentTrust:Ticketing:{system}:";
            settings.AddRange([
                prefix + "BaseUrl=" + tool.BaseUrl,
                prefix + "UserName=agenttrust.integration",
                prefix + "Password=not-a-real-password",
                prefix + "AttemptTimeoutSeconds=" + AttemptTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
                prefix + "MaxRetries=" + MaxRetries.ToString(CultureInfo.InvariantCulture),
                prefix + "MaxWriteAttempts=" + MaxWriteAttempts.ToString(CultureInfo.InvariantCulture),
                prefix + "RetryBaseDelaySeconds=0.05",
                prefix + "TotalTimeoutSeconds=10",
                prefix + "BreakSeconds=0.5",
            ]);
        }

        host = await LocalHostProcess.StartAsync(azurite.ConnectionString, "hang" + Guid.NewGuid().ToString("N")[..8], [.. settings]);
        api = new ApiClient(host.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        api.Dispose();
        await host.StopAsync();
        await host.DisposeAsync();
        await tool.DisposeAsync();
        await azurite.DisposeAsync();
    }

    static string Propose(string agent, string system, string ticket) => FormattableString.Invariant($$$"""
        {"agentId":"{{{agent}}}","lane":"incident-classification","ticket":{"system":"{{{system}}}","id":"{{{ticket}}}","fields":{"priority":3}},
         "action":{"type":"classify","fields":{"priority":3,"category":"Category 55"}},"confidence":0.95,"idempotencyKey":"hang-1"}
        """);

    async Task<(JsonElement View, TimeSpan Elapsed)> ProposeAndWaitAsync(string agent, string system, string ticket)
    {
        await api.PublishAsync(Actions.Pact(agent));
        var stopwatch = Stopwatch.StartNew();
        var (_, accepted) = await api.ProposeAsync(Propose(agent, system, ticket), waitSeconds: 0);
        var view = await api.WaitForStatusAsync(accepted.GetProperty("id").GetString()!, TimeSpan.FromSeconds(150), "applied", "failed");
        return (view, stopwatch.Elapsed);
    }

    /// <summary>The agent's write-back record, read through the evidence log, after checking every record of the log and its signature.</summary>
    async Task<JsonElement> SignedWriteBackRecordAsync(string agent)
    {
        var bundle = await new StorageEvidenceExporter(StoredEvidenceNames.Clients(azurite.ConnectionString)).ReadAsync();
        var log = bundle.Logs.Single(l => l.LogId == agent);
        var report = new EvidenceVerifier(verifyAllSignatures: true).Verify(bundle with { Logs = [log] });
        Assert.True(report.Valid, string.Join("; ", report.Problems));
        var writeBacks = log.Leaves.Select(l => EvidenceEnvelopes.Open(l.Content!)).Where(o => o.Draft.Kind == EvidenceKinds.WriteBack).ToList();
        var writeBack = Assert.Single(writeBacks);
        Assert.NotEmpty(writeBack.Envelope.Signatures);
        return writeBack.Draft.Payload.GetProperty("record");
    }

    [Fact]
    public async Task ProposeAction_JiraHangsOnEveryRequest_EachAttemptTimesOutIsRetriedAsConfiguredAndTheActionEndsDegradedWithSignedEvidence()
    {
        var agent = "hang-jira-" + Guid.NewGuid().ToString("N")[..8];

        var (view, elapsed) = await ProposeAndWaitAsync(agent, "jira", "ITSM-77");

        // The decision stands; the ticket was not changed, and the action says so.
        Assert.Equal("applied", view.GetProperty("status").GetString());
        Assert.Contains("write-back to jira ticket ITSM-77 failed", view.GetProperty("degraded").GetString(), StringComparison.Ordinal);
        // Each write attempt reads the marker first (a safe GET, retried by the pipeline); every read hung, so nothing was written.
        var requests = tool.Requests.ToList();
        Assert.Equal(MaxWriteAttempts * (MaxRetries + 1), requests.Count);
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        for (var i = 1; i < requests.Count; i++)
        {
            // A request is only given up (and the next one sent) once its attempt timeout has passed; a quarter of it is
            // left for the server's late stamps.
            Assert.True(requests[i].At - requests[i - 1].At >= TimeSpan.FromSeconds(AttemptTimeoutSeconds * 0.75), $"request {i} came {(requests[i].At - requests[i - 1].At).TotalMilliseconds} ms after the one before");
        }

        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"took {elapsed}");
        var record = await SignedWriteBackRecordAsync(agent);
        Assert.Equal("failed", record.GetProperty("status").GetString());
        Assert.Equal(0, record.GetProperty("attempts").GetInt32());
        Assert.Contains("Timeout", record.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeAction_ServiceNowLookUpHangs_ActivityRetriedByTheWorkflowThenEndsDegradedNotFailed()
    {
        var agent = "hang-snow-" + Guid.NewGuid().ToString("N")[..8];

        // No sys_id among the ticket's fields: the client looks the record up by number first, outside its write loop,
        // so the hang surfaces as the activity's failure and the workflow's own retry policy takes over.
        var (view, elapsed) = await ProposeAndWaitAsync(agent, "servicenow", "INC0000077");

        Assert.Equal("applied", view.GetProperty("status").GetString());
        Assert.Contains("write-back to servicenow ticket INC0000077 failed", view.GetProperty("degraded").GetString(), StringComparison.Ordinal);
        var requests = tool.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        // Five activity attempts (the workflow's retry policy), each one to MaxRetries + 1 requests (fewer while the
        // circuit breaker is open), spread over the workflow's back-off of 1 + 2 + 4 + 8 s.
        Assert.InRange(requests.Count, 5, 5 * (MaxRetries + 1));
        Assert.True(requests[^1].At - requests[0].At >= TimeSpan.FromSeconds(13), $"retries spanned {requests[^1].At - requests[0].At}");
        Assert.True(elapsed < TimeSpan.FromSeconds(120), $"took {elapsed}");
        var record = await SignedWriteBackRecordAsync(agent);
        Assert.Equal("failed", record.GetProperty("status").GetString());
        Assert.Matches("TimeoutRejectedException|BrokenCircuitException", record.GetProperty("detail").GetString());
    }
}
