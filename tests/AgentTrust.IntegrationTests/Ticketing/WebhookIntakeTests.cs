using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Outcomes;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Outcomes;
using AgentTrust.Orchestrations.Ticketing.Webhooks;
using AgentTrust.Orchestrations.Trust;
using AgentTrust.IntegrationTests.Trust;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace AgentTrust.IntegrationTests.Ticketing;

/// <summary>The webhook handlers end to end on real Azurite: authentication, replay store, rejections, outcomes, action start.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookIntakeTests(AzuriteFixture azurite)
{
    const string Secret = "sn-secret-0123456789abcdef";
    const string JiraSecret = "jira-secret-0123456789abcdef";

    sealed record Rig(ServiceNowWebhookHandler ServiceNow, JiraWebhookHandler Jira, IWebhookLedger Ledger, IOutcomeStore Outcomes, Mock<DurableTaskClient> Client, TrustRig Trust) : IDisposable
    {
        public void Dispose() => Trust.Dispose();
    }

    Rig Build(DateTimeOffset now)
    {
        var clients = TestStorage.Clients(azurite);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var webhookOptions = Options.Create(new WebhookOptions
        {
            ServiceNow = new WebhookSourceOptions { Secret = Secret },
            Jira = new WebhookSourceOptions { Secret = JiraSecret, ProposalField = "customfield_10090" },
            DeliveryTableName = "deliveries" + suffix,
            RejectionTableName = "rejections" + suffix,
        });
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);
        var ledger = new TableWebhookLedger(clients, webhookOptions);
        var outcomes = new TableOutcomeStore(clients, Options.Create(new OutcomeStoreOptions { TableName = "outcomes" + suffix }));
        var trust = new TrustRig(azurite);
        var intake = new WebhookIntake(ledger, outcomes, trust.Engine, new GovernedActionStarter(time), Options.Create(new ApiOptions()), time, NullLogger<WebhookIntake>.Instance);
        var authenticator = new WebhookAuthenticator(webhookOptions, time);
        var client = new Mock<DurableTaskClient>("test");
        return new Rig(new ServiceNowWebhookHandler(intake, authenticator), new JiraWebhookHandler(intake, authenticator, webhookOptions), ledger, outcomes, client, trust);
    }

    static ApiRequest ServiceNowRequest(byte[] body, DateTimeOffset sentAt, string secret = Secret)
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new ApiRequest
        {
            Method = "POST",
            Url = new Uri("http://localhost/api/webhooks/servicenow"),
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Content-Type"] = "application/json",
                [WebhookAuthenticator.ServiceNowTimestampHeader] = timestamp,
                [WebhookAuthenticator.ServiceNowSignatureHeader] = WebhookSignature.Compute(secret, WebhookSignature.ServiceNowSignedBytes(timestamp, body)),
            },
            Body = body,
        };
    }

    static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Ticketing", "Fixtures", name));

    [Fact]
    public async Task ServiceNowWebhook_SignedResolvedIncident_StoresTheOutcomeOnce()
    {
        var now = DateTimeOffset.UtcNow;
        using var rig = Build(now);
        var request = ServiceNowRequest(Fixture("servicenow-incident-resolved.json"), now);

        var response = await rig.ServiceNow.HandleAsync(request, rig.Client.Object, default);

        Assert.Equal(202, response.Status);
        var stored = Assert.Single(await rig.Outcomes.ListForTicketAsync("servicenow", "INC0010023"));
        Assert.Equal(TicketOutcomeKind.Resolved, stored.Kind);
        Assert.Equal("act-0123456789abcdef0123456789abcdef", stored.ActionId);
    }

    [Fact]
    public async Task ServiceNowWebhook_SameDeliveryReplayed_Is401AndRecordedAndNothingChanges()
    {
        var now = DateTimeOffset.UtcNow;
        using var rig = Build(now);
        var request = ServiceNowRequest(Fixture("servicenow-incident-reopened-reassigned.json"), now);
        Assert.Equal(202, (await rig.ServiceNow.HandleAsync(request, rig.Client.Object, default)).Status);

        var replay = await rig.ServiceNow.HandleAsync(request, rig.Client.Object, default);

        Assert.Equal(401, replay.Status);
        Assert.Equal(3, (await rig.Outcomes.ListForTicketAsync("servicenow", "INC0010023")).Count);
        var rejection = Assert.Single(await rig.Ledger.ListRejectionsAsync("servicenow"));
        Assert.Equal(WebhookRejectionReasons.Replayed, rejection.Reason);
    }

    [Fact]
    public async Task ServiceNowWebhook_ForgedSignature_Is401RecordedWithoutTheBodyAndStartsNothing()
    {
        var now = DateTimeOffset.UtcNow;
        using var rig = Build(now);
        var request = ServiceNowRequest(Fixture("servicenow-incident-proposal.json"), now, secret: "attacker-guess-0123456789");

        var response = await rig.ServiceNow.HandleAsync(request, rig.Client.Object, default);

        Assert.Equal(401, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        var rejection = Assert.Single(await rig.Ledger.ListRejectionsAsync("servicenow"));
        Assert.Equal(WebhookRejectionReasons.BadSignature, rejection.Reason);
        Assert.Equal(request.Body.Length, rejection.BodyLength);
        Assert.Equal(64, rejection.BodySha256.Length);
        rig.Client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Never);
        Assert.Empty(await rig.Outcomes.ListForTicketAsync("servicenow", "INC0010031"));
    }

    [Fact]
    public async Task ServiceNowWebhook_AgentProposal_StartsTheGovernedWorkflowUnderTheDerivedId()
    {
        var now = DateTimeOffset.UtcNow;
        using var rig = Build(now);
        object? input = null;
        StartOrchestrationOptions? options = null;
        rig.Client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((_, i, o, _) => (input, options) = (i, o))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => o!.InstanceId!);

        var response = await rig.ServiceNow.HandleAsync(ServiceNowRequest(Fixture("servicenow-incident-proposal.json"), now), rig.Client.Object, default);

        Assert.Equal(202, response.Status);
        var governed = Assert.IsType<GovernActionInput>(input);
        Assert.Equal("classifier-01", governed.Action.AgentId);
        Assert.Equal(ActionIds.FromIdempotencyKey("classifier-01", governed.Action.IdempotencyKey), options!.InstanceId);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal(options.InstanceId, body.RootElement.GetProperty("actions")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task JiraWebhook_HubSignedResolution_StoresTheOutcome()
    {
        var body = Fixture("jira-issue-resolved.json");
        using var rig = Build(DateTimeOffset.FromUnixTimeMilliseconds(1795687451000).AddSeconds(2));
        var request = new ApiRequest
        {
            Method = "POST",
            Url = new Uri("http://localhost/api/webhooks/jira"),
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [WebhookAuthenticator.JiraSignatureHeader] = WebhookSignature.Compute(JiraSecret, body) },
            Body = body,
        };

        var response = await rig.Jira.HandleAsync(request, rig.Client.Object, default);

        Assert.Equal(202, response.Status);
        Assert.Equal(TicketOutcomeKind.Resolved, Assert.Single(await rig.Outcomes.ListForTicketAsync("jira", "ITSM-42")).Kind);
    }

    [Fact]
    public async Task ServiceNowWebhook_ProcessingFails_DeliveryIsForgottenSoTheRetryIsProcessed()
    {
        var now = DateTimeOffset.UtcNow;
        using var rig = Build(now);
        rig.Client
            .SetupSequence(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("task hub unavailable"))
            .ReturnsAsync((OrchestrationMetadata?)null);
        rig.Client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("started");
        var request = ServiceNowRequest(Fixture("servicenow-incident-proposal.json"), now);

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.ServiceNow.HandleAsync(request, rig.Client.Object, default));
        var retry = await rig.ServiceNow.HandleAsync(request, rig.Client.Object, default);

        Assert.Equal(202, retry.Status);
        Assert.Empty(await rig.Ledger.ListRejectionsAsync("servicenow"));
    }

    [Fact]
    public async Task ServiceNowWebhook_ResolvedIncidentRedelivered_AttributesTheOutcomeToTrustOnce()
    {
        var now = DateTimeOffset.UtcNow;
        using var rig = Build(now);
        // The governed decision that touched the ticket an hour before ServiceNow resolved it (fixture: 10:04:11).
        await rig.Trust.Engine.RememberDecisionAsync(new TrustAttribution(
            "servicenow", "INC0010023", "classifier-01", "incident-classification", "act-0123456789abcdef0123456789abcdef",
            new DateTimeOffset(2026, 11, 26, 9, 4, 0, TimeSpan.Zero)));
        var body = Fixture("servicenow-incident-resolved.json");

        var first = await rig.ServiceNow.HandleAsync(ServiceNowRequest(body, now), rig.Client.Object, default);
        // ServiceNow retries the event (its answer was lost): same body, new timestamp, so a new delivery id.
        var retry = await rig.ServiceNow.HandleAsync(ServiceNowRequest(body, now.AddSeconds(5)), rig.Client.Object, default);

        Assert.Equal(202, first.Status);
        Assert.Equal(202, retry.Status);
        using (var answer = JsonDocument.Parse(first.Body))
        {
            var attributed = Assert.Single(answer.RootElement.GetProperty("outcomes")[0].GetProperty("attributed").EnumerateArray());
            Assert.Equal("classifier-01", attributed.GetProperty("agentId").GetString());
            Assert.True(attributed.GetProperty("applied").GetBoolean());
        }

        using (var answer = JsonDocument.Parse(retry.Body))
        {
            var attributed = Assert.Single(answer.RootElement.GetProperty("outcomes")[0].GetProperty("attributed").EnumerateArray());
            Assert.False(attributed.GetProperty("applied").GetBoolean());
        }

        var state = await rig.Trust.Store.GetAsync("classifier-01", "incident-classification");
        Assert.NotNull(state);
        Assert.Equal(1, state.Outcome.Events);
        Assert.True(state.Outcome.Positive > 0);
        Assert.Equal(0, state.Conduct.Events);
        // The signal is in the evidence log once, so a recomputation from evidence gives the same score.
        var recomputed = await rig.Trust.Recomputer.RunAsync(write: false);
        Assert.Equal(1, recomputed.Signals);
        Assert.Empty(recomputed.Differing);
    }

    [Fact]
    public async Task JiraWebhook_HubSignedResolution_AttributesTheOutcomeToTheDecisionOnTheIssue()
    {
        var body = Fixture("jira-issue-resolved.json");
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(1795687451000);
        using var rig = Build(sentAt.AddSeconds(2));
        await rig.Trust.Engine.RememberDecisionAsync(new TrustAttribution("jira", "ITSM-42", "router-02", "incident-routing", "act-jira-0001", sentAt.AddDays(-2)));
        // A decision older than the attribution window is not answerable for this resolution.
        await rig.Trust.Engine.RememberDecisionAsync(new TrustAttribution("jira", "ITSM-42", "router-old", "incident-routing", "act-jira-0000", sentAt.AddDays(-45)));
        var request = new ApiRequest
        {
            Method = "POST",
            Url = new Uri("http://localhost/api/webhooks/jira"),
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [WebhookAuthenticator.JiraSignatureHeader] = WebhookSignature.Compute(JiraSecret, body) },
            Body = body,
        };

        var response = await rig.Jira.HandleAsync(request, rig.Client.Object, default);

        Assert.Equal(202, response.Status);
        using var answer = JsonDocument.Parse(response.Body);
        var attributed = Assert.Single(answer.RootElement.GetProperty("outcomes")[0].GetProperty("attributed").EnumerateArray());
        Assert.Equal("router-02", attributed.GetProperty("agentId").GetString());
        var state = await rig.Trust.Store.GetAsync("router-02", "incident-routing");
        Assert.Equal(1, state!.Outcome.Events);
        Assert.Null(await rig.Trust.Store.GetAsync("router-old", "incident-routing"));
    }
}
