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
/// The console's action feed under the Azure Storage backend's at-least-once delivery. A workflow step can be re-run
/// (a host killed between sending the activity and writing the history), and the re-run builds its evidence draft
/// with its own time; an activity message can be delivered again after the workflow moved on. The feed keeps one row
/// per action, the one the evidence holds, and nothing projected again undoes an answer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionFeedRetryTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Decided = new(2026, 11, 27, 6, 57, 28, TimeSpan.Zero);
    static readonly EvidenceReceipt Receipt = new("evidence/x", "sha256:r", 0);

    static EvidenceDraft Draft(string actionId, int sequence, string kind, object record) => new(
        actionId, sequence, kind, "classifier-03", "incident-classification", "servicenow", "INC0004711", "sha256:" + new string('c', 64), null,
        Decided.AddMinutes(sequence), JsonSerializer.SerializeToElement(new { record }, JsonDefaults.Options));

    static EvidenceDraft Answer(string actionId) => Draft(
        actionId, 2, EvidenceKinds.Approval, new ApprovalRecord(ActionStatus.Approved, "lead@example.com", "fine", Decided.AddMinutes(5), Decided.AddHours(4), Decided));

    static EvidenceDraft AskDraft(string actionId, DateTimeOffset at) =>
        Draft(actionId, 0, EvidenceKinds.Decision, new Decision(DecisionKind.RequireApproval, ["confidence 0.41 below 0.80"], "sha256:pact", 1)) with { OccurredAt = at };

    static EvidenceDraft Escalation(string actionId) => Draft(actionId, 1, EvidenceKinds.Notification, new { rung = 1, groups = new[] { "leads" } });

    static async Task<(ActionFeedEntry Row, bool Pending)> ReadAsync(TableActionFeed feed, string actionId)
    {
        var row = Assert.Single((await feed.PageAsync(pendingOnly: false, status: null, pageSize: 100, continuationToken: null)).Items, e => e.Id == actionId);
        var pending = (await feed.PageAsync(pendingOnly: true, status: null, pageSize: 100, continuationToken: null)).Items.Any(e => e.Id == actionId);
        return (row, pending);
    }

    TableActionFeed NewFeed() =>
        new(TestStorage.Clients(azurite), Options.Create(new ConsoleOptions { ActionFeedTableName = "feed" + Guid.NewGuid().ToString("N")[..10] }));

    /// <summary>A feed of its own with one action that waits for a person.</summary>
    async Task<(TableActionFeed Feed, string ActionId)> AskedAsync()
    {
        var feed = NewFeed();
        var actionId = "act-" + Guid.NewGuid().ToString("N");
        await feed.ProjectAsync(AskDraft(actionId, Decided), Receipt);
        return (feed, actionId);
    }

    [Fact]
    public async Task ProjectAsync_DecisionDeliveredAgainAfterTheAnswer_ActionStaysAnsweredAndOutOfTheQueue()
    {
        var (feed, actionId) = await AskedAsync();
        Assert.True((await ReadAsync(feed, actionId)).Pending);
        await feed.ProjectAsync(Answer(actionId), Receipt);

        await feed.ProjectAsync(AskDraft(actionId, Decided), Receipt);

        var (row, pending) = await ReadAsync(feed, actionId);
        Assert.Equal("approved", row.Status);
        Assert.Equal("lead@example.com", row.Approver);
        Assert.False(pending);
    }

    [Fact]
    public async Task ProjectAsync_EscalationNoticeRetriedAfterTheAnswer_ActionStaysAnswered()
    {
        var (feed, actionId) = await AskedAsync();
        await feed.ProjectAsync(Escalation(actionId), Receipt);
        Assert.Equal("escalated", (await ReadAsync(feed, actionId)).Row.Status);
        await feed.ProjectAsync(Answer(actionId), Receipt);

        await feed.ProjectAsync(Escalation(actionId), Receipt);

        var (row, pending) = await ReadAsync(feed, actionId);
        Assert.Equal("approved", row.Status);
        Assert.False(pending);
    }

    [Fact]
    public async Task RecordEvidence_StepRerunWithAnotherTime_FeedKeepsOneRowAtTheRecordedTime()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        var feed = NewFeed();
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
