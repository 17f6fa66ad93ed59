using AgentTrust.Domain.Disputes;
using AgentTrust.Domain.Outcomes;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Disputes;
using AgentTrust.Orchestrations.Metrics;
using AgentTrust.Orchestrations.Outcomes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgentTrust.IntegrationTests.Disputes;

/// <summary>Resolved disputes stored on Azurite feed the weekly metrics' "approvals overturned".</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DisputeMetricsTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WeeklyJob_OverturnedAppliedDecisionStored_CountedAsApprovalOverturned()
    {
        var clients = TestStorage.Clients(azurite);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var outcomeOptions = Options.Create(new OutcomeStoreOptions { TableName = "outcomes" + suffix });
        var metricsOptions = Options.Create(new WeeklyMetricsOptions { TableName = "weekly" + suffix, WeeksRecomputed = 2 });
        var disputes = new TableDisputeStore(clients, Options.Create(new DisputeOptions { TableName = "disputes" + suffix }));
        var outcomes = new TableOutcomeStore(clients, outcomeOptions);
        await outcomes.AddAsync(new TicketOutcome("servicenow:INC1:resolved", "servicenow", "INC1", TicketOutcomeKind.Resolved, Monday, AgentId: "classifier-1"));
        var overturned = new DisputeResolutionRow(
            "dsp-1", DisputeTargetKind.Decision, DisputeVerdict.Overturned, "classifier-1", "incident-classification", "servicenow", "INC1", true, Monday.AddHours(5));
        await disputes.SaveAsync(overturned);
        await disputes.SaveAsync(overturned);
        await disputes.SaveAsync(overturned with { DisputeId = "dsp-2", Verdict = DisputeVerdict.Upheld });
        var job = new WeeklyMetricsJob(
            new OutcomeTableReader(clients, outcomeOptions), new TableWeeklyMetricsStore(clients, metricsOptions), metricsOptions, new FakeTimeProvider(Monday.AddDays(2)), disputes);
        var withoutDisputes = new WeeklyMetricsJob(
            new OutcomeTableReader(clients, outcomeOptions), new TableWeeklyMetricsStore(clients, metricsOptions), metricsOptions, new FakeTimeProvider(Monday.AddDays(2)));

        var rows = await job.RunAsync();
        var stored = await disputes.ListResolvedSinceAsync(Monday);
        var before = await withoutDisputes.RunAsync();

        Assert.Equal(2, stored.Count);
        var agentRow = Assert.Single(rows, r => r.AgentId == "classifier-1");
        Assert.Equal(1, agentRow.Metrics.ApprovalsOverturned);
        Assert.Equal(0, Assert.Single(before, r => r.AgentId == "classifier-1").Metrics.ApprovalsOverturned);
    }
}
