using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Ticketing.Webhooks;
using AgentTrust.Orchestrations.Trust;
using AgentTrust.Tests.Support;
using AgentTrust.Tests.Ticketing;
using FsCheck.Xunit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AgentTrust.Tests.Reliability;

/// <summary>
/// Every HTTP entry point fed generated and mutated bodies through the shared handlers (as both hosts call them).
/// For each input: no exception, no 500, a refusal is a 4xx problem, and a refused request changes nothing (no
/// workflow started or signalled, no outcome, delivery or evidence stored). Counts are in docs/reliability.md.
/// </summary>
public sealed class HostileInputPropertyTests
{
    const int Runs = 400;
    const string ServiceNowSecret = "sn-secret-0123456789abcdef";
    const string JiraSecret = "jira-secret-0123456789abcdef";
    static readonly DateTimeOffset WebhookNow = DateTimeOffset.FromUnixTimeMilliseconds(1795687451000).AddSeconds(5);
    static readonly IOptions<ApiOptions> Api = Options.Create(new ApiOptions());

    internal static readonly byte[] ActionSeed = Encoding.UTF8.GetBytes("""
        {"agentId":"classifier-01","lane":"incident-classification",
         "ticket":{"system":"servicenow","id":"INC0000045","fields":{"priority":"3"}},
         "action":{"type":"classify","fields":{"priority":3,"category":"Category 55"}},
         "confidence":0.91,"idempotencyKey":"k-1","rationale":"VPN drops"}
        """);

    static readonly byte[] OutcomeSeed = Encoding.UTF8.GetBytes("""
        {"eventId":"e-1","ticketSystem":"servicenow","ticketId":"INC0000045","kind":"reopened",
         "occurredAt":"2026-11-26T10:00:00Z","actor":"jane","detail":"came back","agentId":"classifier-01","actionId":"x"}
        """);

    static readonly byte[] ApprovalSeed = Encoding.UTF8.GetBytes("""{"approved":true,"approver":"lead@example.com","comment":"ok"}""");

    static readonly string[] ServiceNowSeeds = ["servicenow-incident-proposal.json", "servicenow-incident-resolved.json", "servicenow-incident-reopened-reassigned.json", "servicenow-change-closed-unsuccessful.json"];
    static readonly string[] JiraSeeds = ["jira-issue-created-proposal.json", "jira-issue-resolved.json", "jira-issue-escalated-reassigned.json", "jira-change-failed.json"];

    static byte[] Mutate(byte[] seed, bool jsonLevel, int[] ops, string[] texts) =>
        jsonLevel ? InputMutator.Json(seed, ops ?? [], texts ?? []) : InputMutator.Bytes(seed, ops ?? [], texts ?? []);

    static ApiRequest Post(string route, byte[] body, string contentType = "application/json", IReadOnlyDictionary<string, string>? routeValues = null, Dictionary<string, string>? headers = null)
    {
        var all = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        all["Content-Type"] = contentType;
        return new ApiRequest
        {
            Method = "POST",
            Url = new Uri("http://localhost/api/" + route),
            Route = routeValues ?? new Dictionary<string, string>(),
            Headers = all,
            Body = body,
            BodyTooLarge = body.Length > Api.Value.MaxBodyBytes,
        };
    }

    static bool IsProblem(ApiResponse response) =>
        response.Status is >= 400 and < 500 && response.Status != 500 && Parses(response.Body);

    static bool Parses(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("status", out _) && document.RootElement.TryGetProperty("title", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    static int Calls(Mock<DurableTaskClient> client, string method) => client.Invocations.Count(i => i.Method.Name == method);

    [Fact]
    public void Seeds_AreValid_SoMutationsStartNearTheAcceptedShape()
    {
        Assert.NotNull(ProposedActionReader.Read(ActionSeed, null).Action);
        using var outcome = JsonDocument.Parse(OutcomeSeed);
        using var approval = JsonDocument.Parse(ApprovalSeed);
    }

    /// <summary>Found by the fuzzer: a byte that is not UTF-8 inside a JSON string threw from GetString (a 500).</summary>
    [Theory]
    [InlineData("actions")]
    [InlineData("outcomes")]
    [InlineData("approvals")]
    public async Task JsonEndpoints_InvalidUtf8InsideAString_Refused400NotThrown(string endpoint)
    {
        var seed = endpoint switch { "actions" => ActionSeed, "outcomes" => OutcomeSeed, _ => ApprovalSeed };
        var text = Encoding.UTF8.GetString(seed);
        var at = text.IndexOf(":\"", StringComparison.Ordinal) + 2;
        byte[] body = [.. Encoding.UTF8.GetBytes(text[..at]), 0xFF, .. Encoding.UTF8.GetBytes(text[at..])];
        var client = new Mock<DurableTaskClient>("test");
        var outcomes = new InMemoryOutcomeStore();
        var trust = new TrustEngine(new InMemoryEvidenceStore(), new InMemoryTrustStore(), new InMemoryTrustAttributionIndex(), TrustParameters.Default, TimeProvider.System);
        var id = ActionIds.FromIdempotencyKey("classifier-01", "k-1");

        var response = await (endpoint switch
        {
            "actions" => new ProposeActionHandler(Api, TimeProvider.System).HandleAsync(Post("actions", body), client.Object, default),
            "outcomes" => new PostOutcomeHandler(outcomes, trust, Api).HandleAsync(Post("outcomes", body), client.Object, default),
            _ => new SubmitApprovalHandler(Api).HandleAsync(Post("approvals/" + id, body, routeValues: new Dictionary<string, string> { ["id"] = id }), client.Object, default),
        });

        Assert.Equal(400, response.Status);
        Assert.Contains("UTF-8", Encoding.UTF8.GetString(response.Body.Span), StringComparison.Ordinal);
        Assert.Empty(client.Invocations);
        Assert.Equal(0, outcomes.Count);
    }

    /// <summary>Found by the fuzzer: a signed Jira body whose timestamp was not a number threw from TryGetInt64 (a 500).</summary>
    [Theory]
    [InlineData("null")]
    [InlineData("\"1795687451000\"")]
    [InlineData("[1]")]
    public void JiraWebhook_SignedTimestampNotANumber_Refused401NotThrown(string timestamp)
    {
        var text = Fixtures.Text("jira-issue-resolved.json");
        var body = Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(text, "\"timestamp\":\\s*\\d+", "\"timestamp\": " + timestamp));
        Assert.NotEqual(text, Encoding.UTF8.GetString(body));
        var rig = new WebhookRig();

        var response = rig.Jira(body, sign: true);

        Assert.Equal(401, response.Status);
        Assert.True(rig.NothingStored(deliveryKept: false));
    }

    [Fact]
    public void ServiceNowWebhook_SignedButNotUtf8_Refused400AndNothingProcessed()
    {
        var text = Fixtures.Text("servicenow-incident-resolved.json");
        var at = text.IndexOf("\"number\": \"", StringComparison.Ordinal) + 11;
        byte[] body = [.. Encoding.UTF8.GetBytes(text[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(text[at..])];
        var rig = new WebhookRig();

        var response = rig.ServiceNow(body, sign: true);

        Assert.Equal(400, response.Status);
        Assert.Equal(0, rig.Outcomes.Count);
    }

    [Property(MaxTest = Runs)]
    public bool ProposeAction_MutatedBody_NeverFailsAndARefusalStartsNothing(bool jsonLevel, int[] ops, string[] texts)
    {
        var body = Mutate(ActionSeed, jsonLevel, ops, texts);
        var client = new Mock<DurableTaskClient>("test");

        var response = new ProposeActionHandler(Api, TimeProvider.System).HandleAsync(Post("actions", body), client.Object, default).GetAwaiter().GetResult();

        var valid = body.Length <= Api.Value.MaxBodyBytes && System.Text.Unicode.Utf8.IsValid(body) && ProposedActionReader.Read(body, null).Action is not null;
        return valid
            ? response.Status == 202 && Calls(client, nameof(DurableTaskClient.ScheduleNewOrchestrationInstanceAsync)) == 1
            : IsProblem(response) && client.Invocations.Count == 0;
    }

    [Property(MaxTest = Runs)]
    public bool ProposeAction_GeneratedJunk_RefusedWithAProblem(byte[] junk, string contentType)
    {
        var client = new Mock<DurableTaskClient>("test");

        var response = new ProposeActionHandler(Api, TimeProvider.System)
            .HandleAsync(Post("actions", junk ?? [], contentType ?? string.Empty), client.Object, default).GetAwaiter().GetResult();

        return IsProblem(response) && client.Invocations.Count == 0;
    }

    [Property(MaxTest = Runs)]
    public bool PostOutcome_MutatedBody_NeverFailsAndARefusalStoresNothing(bool jsonLevel, int[] ops, string[] texts)
    {
        var body = Mutate(OutcomeSeed, jsonLevel, ops, texts);
        var outcomes = new InMemoryOutcomeStore();
        var evidence = new InMemoryEvidenceStore();
        var trust = new TrustEngine(evidence, new InMemoryTrustStore(), new InMemoryTrustAttributionIndex(), TrustParameters.Default, TimeProvider.System);

        var response = new PostOutcomeHandler(outcomes, trust, Api).HandleAsync(Post("outcomes", body), new Mock<DurableTaskClient>("test").Object, default).GetAwaiter().GetResult();

        return response.Status == 201
            ? outcomes.Count == 1
            : IsProblem(response) && outcomes.Count == 0 && evidence.Count == 0;
    }

    [Property(MaxTest = Runs)]
    public bool SubmitApproval_MutatedBodyOrId_NeverFailsAndARefusalSignalsNothing(bool jsonLevel, int[] ops, string[] texts, bool mangleId)
    {
        var body = Mutate(ApprovalSeed, jsonLevel, ops, texts);
        var id = ActionIds.FromIdempotencyKey("classifier-01", "k-1");
        if (mangleId)
        {
            id = Encoding.UTF8.GetString(InputMutator.Bytes(Encoding.UTF8.GetBytes(id), ops ?? [], texts ?? []));
        }

        var client = new Mock<DurableTaskClient>("test");
        var request = Post($"approvals/{Uri.EscapeDataString(id)}", body, routeValues: new Dictionary<string, string> { ["id"] = id });

        var response = new SubmitApprovalHandler(Api).HandleAsync(request, client.Object, default).GetAwaiter().GetResult();

        // No action exists, so even a well-formed answer is a 404: nothing is ever raised.
        return IsProblem(response) && Calls(client, nameof(DurableTaskClient.RaiseEventAsync)) == 0;
    }

    [Property(MaxTest = Runs)]
    public bool ServiceNowWebhook_SignedMutatedPayload_NeverFailsAndARefusalStoresNothing(int seed, bool jsonLevel, int[] ops, string[] texts)
    {
        var body = Mutate(Fixtures.Bytes(ServiceNowSeeds[Math.Abs(seed % ServiceNowSeeds.Length)]), jsonLevel, ops, texts);
        var rig = new WebhookRig();

        var response = rig.ServiceNow(body, sign: true);

        // A signed delivery that is then found invalid stays recorded as seen (a copy of it is a replay); nothing else is kept.
        return response.Status is 200 or 202
            ? rig.Ledger.Deliveries == 1
            : IsProblem(response) && rig.NothingStored(deliveryKept: response.Status is not (401 or 413));
    }

    [Property(MaxTest = Runs)]
    public bool JiraWebhook_SignedMutatedPayload_NeverFailsAndARefusalStoresNothing(int seed, bool jsonLevel, int[] ops, string[] texts)
    {
        var body = Mutate(Fixtures.Bytes(JiraSeeds[Math.Abs(seed % JiraSeeds.Length)]), jsonLevel, ops, texts);
        var rig = new WebhookRig();

        var response = rig.Jira(body, sign: true);

        // A signed delivery that is then found invalid stays recorded as seen (a copy of it is a replay); nothing else is kept.
        return response.Status is 200 or 202
            ? rig.Ledger.Deliveries == 1
            : IsProblem(response) && rig.NothingStored(deliveryKept: response.Status is not (401 or 413));
    }

    [Property(MaxTest = Runs)]
    public bool Webhooks_BodyChangedAfterSigning_AlwaysRefused401AndNothingProcessed(int seed, bool jira, int[] ops, string[] texts)
    {
        var seeds = jira ? JiraSeeds : ServiceNowSeeds;
        var original = Fixtures.Bytes(seeds[Math.Abs(seed % seeds.Length)]);
        var body = InputMutator.Bytes(original, ops ?? [], texts ?? []);
        if (body.AsSpan().SequenceEqual(original))
        {
            return true;
        }

        var rig = new WebhookRig();
        var response = jira ? rig.Jira(body, sign: false, signatureOf: original) : rig.ServiceNow(body, sign: false, signatureOf: original);

        return (response.Status == 401 || (response.Status == 413 && body.Length > Api.Value.MaxBodyBytes))
            && rig.NothingStored(deliveryKept: false) && rig.Ledger.Rejections.Count == 1;
    }

    /// <summary>A webhook intake over in-memory stores, its clock at the fixtures' send time.</summary>
    sealed class WebhookRig
    {
        readonly FakeTimeProvider time = new(WebhookNow);
        readonly Mock<DurableTaskClient> client = new("test");
        readonly WebhookIntake intake;
        readonly WebhookAuthenticator authenticator;
        readonly IOptions<WebhookOptions> options = Options.Create(new WebhookOptions
        {
            ServiceNow = new WebhookSourceOptions { Secret = ServiceNowSecret },
            Jira = new WebhookSourceOptions { Secret = JiraSecret },
        });

        public WebhookRig()
        {
            intake = new WebhookIntake(Ledger, Outcomes, new TrustEngine(new InMemoryEvidenceStore(), new InMemoryTrustStore(), new InMemoryTrustAttributionIndex(), TrustParameters.Default, time), new GovernedActionStarter(time), Api, time, NullLogger<WebhookIntake>.Instance);
            authenticator = new WebhookAuthenticator(options, time);
        }

        public InMemoryWebhookLedger Ledger { get; } = new();

        public InMemoryOutcomeStore Outcomes { get; } = new();

        public bool NothingStored(bool deliveryKept) =>
            Outcomes.Count == 0 && client.Invocations.Count == 0 && Ledger.Deliveries == (deliveryKept ? 1 : 0);

        public ApiResponse ServiceNow(byte[] body, bool sign, byte[]? signatureOf = null)
        {
            var timestamp = WebhookNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [WebhookAuthenticator.ServiceNowTimestampHeader] = timestamp,
                [WebhookAuthenticator.ServiceNowSignatureHeader] = WebhookSignature.Compute(ServiceNowSecret, WebhookSignature.ServiceNowSignedBytes(timestamp, sign ? body : signatureOf!)),
            };
            var handler = new ServiceNowWebhookHandler(intake, authenticator);
            return handler.HandleAsync(Post("webhooks/servicenow", body, headers: headers), client.Object, default).GetAwaiter().GetResult();
        }

        public ApiResponse Jira(byte[] body, bool sign, byte[]? signatureOf = null)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [WebhookAuthenticator.JiraSignatureHeader] = WebhookSignature.Compute(JiraSecret, sign ? body : signatureOf!),
            };
            var handler = new JiraWebhookHandler(intake, authenticator, options);
            return handler.HandleAsync(Post("webhooks/jira", body, headers: headers), client.Object, default).GetAwaiter().GetResult();
        }
    }
}
