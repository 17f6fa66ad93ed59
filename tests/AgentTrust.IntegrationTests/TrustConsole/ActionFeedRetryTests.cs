using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.IntegrationTests.Evidence;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.TrustConsole;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Moq;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>
/// The console's action feed after a workflow step re-run: the Azure Storage backend can run a step's activity and
/// later re-run the step (a host killed between sending the activity and writing the history), and the re-run builds
/// its evidence draft with its own time. The feed must keep one row per action, the one the evidence holds.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionFeedRetryTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Decided = new(2026, 11, 27, 6, 57, 28, TimeSpan.Zero);

    static EvidenceDraft AskDraft(string actionId, DateTimeOffset at) => new(
        actionId, 0, EvidenceKinds.Decision, "classifier-03", "incident-classification", "servicenow", "INC0004711", "sha256:" + new string('c', 64), null, at,
        JsonSerializer.SerializeToElement(new { record = new Decision(DecisionKind.RequireApproval, ["confidence 0.41 below 0.80"], "sha256:pact", 1) }, JsonDefaults.Options));

    [Fact]
    public async Task RecordEvidence_StepRerunWithAnotherTime_FeedKeepsOneRowAtTheRecordedTime()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        var feed = new TableActionFeed(evidence.Clients, Options.Create(new ConsoleOptions { ActionFeedTableName = "feed" + Guid.NewGuid().ToString("N")[..10] }));
        var activity = new RecordEvidenceActivity(evidence.Store, [feed]);
        var context = new Mock<TaskActivityContext>().Object;
        var actionId = "act-" + Guid.NewGuid().ToString("N");

        var first = await activity.RunAsync(context, AskDraft(actionId, Decided));
        var rerun = await activity.RunAsync(context, AskDraft(actionId, Decided.AddMinutes(1)));

        Assert.Equal(first with { Existing = true }, rerun);
        var feedRow = Assert.Single((await feed.PageAsync(pendingOnly: false, status: null, pageSize: 50, continuationToken: null)).Items, e => e.Id == actionId);
        Assert.Equal(Decided, feedRow.DecidedAt);
        var pending = Assert.Single((await feed.PageAsync(pendingOnly: true, status: null, pageSize: 50, continuationToken: null)).Items, e => e.Id == actionId);
        Assert.Equal(Decided, pending.DecidedAt);
    }
}
