using System.Text.Json;
using AgentTrust.Domain.Outcomes;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Metrics;
using AgentTrust.Orchestrations.Outcomes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AgentTrust.IntegrationTests.Metrics;

/// <summary>The weekly metrics job and GET /api/metrics/weekly on real Azurite: outcomes in, weekly rows stored, read back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WeeklyMetricsTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    sealed record Rig(TableOutcomeStore Outcomes, WeeklyMetricsJob Job, GetWeeklyMetricsHandler Handler);

    Rig Build(DateTimeOffset now)
    {
        var clients = TestStorage.Clients(azurite);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var outcomeOptions = Options.Create(new OutcomeStoreOptions { TableName = "outcomes" + suffix });
        var metricsOptions = Options.Create(new WeeklyMetricsOptions { TableName = "weekly" + suffix, WeeksRecomputed = 2 });
        var time = new FakeTimeProvider(now);
        var store = new TableWeeklyMetricsStore(clients, metricsOptions);
        return new Rig(
            new TableOutcomeStore(clients, outcomeOptions),
            new WeeklyMetricsJob(new OutcomeTableReader(clients, outcomeOptions), store, metricsOptions, time),
            new GetWeeklyMetricsHandler(store, time));
    }

    static TicketOutcome Outcome(string ticket, TicketOutcomeKind kind, double hours, string? agent = null, string? detail = null) =>
        new($"servicenow:{ticket}:{kind}:{hours}", "servicenow", ticket, kind, Monday.AddHours(hours), Detail: detail, AgentId: agent);

    static ApiRequest Get(string query) => new() { Method = "GET", Url = new Uri($"http://localhost/api/metrics/weekly{query}") };

    [Fact]
    public async Task RunAsync_StoredOutcomes_WeeklyRowsPerHandlerReadBackThroughTheEndpoint()
    {
        var rig = Build(Monday.AddDays(8));
        TicketOutcome[] outcomes =
        [
            Outcome("INC1", TicketOutcomeKind.Reassigned, 0, agent: "classifier-1", detail: "Network"),
            Outcome("INC1", TicketOutcomeKind.Resolved, 1, agent: "classifier-1"),
            Outcome("INC1", TicketOutcomeKind.Reopened, 30, agent: "classifier-1"),
            Outcome("INC2", TicketOutcomeKind.Resolved, 2),
            Outcome("CHG1", TicketOutcomeKind.ChangeClosedFailed, 3, agent: "risk-1"),
            Outcome("CHG2", TicketOutcomeKind.ChangeClosedSuccessful, 4, agent: "risk-1"),
            Outcome("INC3", TicketOutcomeKind.Escalated, 24 * 7 + 1, agent: "classifier-1"),
            Outcome("INC9", TicketOutcomeKind.Resolved, -24 * 7 * 3),
        ];
        foreach (var outcome in outcomes)
        {
            Assert.True(await rig.Outcomes.AddAsync(outcome));
        }

        var stored = await rig.Job.RunAsync();
        var again = await rig.Job.RunAsync();

        Assert.Equal(4, stored.Count);
        Assert.Equal(stored.Count, again.Count);
        var response = await rig.Handler.HandleAsync(Get("?from=2026-11-16&to=2026-11-29"), new Mock<DurableTaskClient>("test").Object, default);
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(response.Body);
        var weeks = json.RootElement.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(
            [
                ("2026-11-16", "change-risk-warning", "risk-1", "agent", 2),
                ("2026-11-16", "incident-classification", "", "human", 1),
                ("2026-11-16", "incident-classification", "classifier-1", "agent", 1),
                ("2026-11-23", "incident-classification", "classifier-1", "agent", 1),
            ],
            weeks.Select(w => (w.GetProperty("weekStart").GetString(), w.GetProperty("lane").GetString(), w.GetProperty("agentId").GetString(), w.GetProperty("handler").GetString(), w.GetProperty("metrics").GetProperty("tickets").GetInt32())));
        Assert.Equal(0.5, weeks[0].GetProperty("metrics").GetProperty("changeFailureRate").GetDouble());
        Assert.Equal(1, weeks[2].GetProperty("metrics").GetProperty("reassignments").GetInt32());
        Assert.Equal(1, weeks[3].GetProperty("metrics").GetProperty("escalatedIncidents").GetInt32());

        var lane = await rig.Handler.HandleAsync(Get("?from=2026-11-16&to=2026-11-29&lane=change-risk-warning"), new Mock<DurableTaskClient>("test").Object, default);
        using var laneJson = JsonDocument.Parse(lane.Body);
        Assert.Single(laneJson.RootElement.GetProperty("weeks").EnumerateArray());
    }

    [Theory]
    [InlineData("?from=16/11/2026")]
    [InlineData("?lane=no-such-lane")]
    [InlineData("?from=2026-11-30&to=2026-11-16")]
    public async Task HandleAsync_BadQuery_ProblemDetails(string query)
    {
        var rig = Build(Monday);

        var response = await rig.Handler.HandleAsync(Get(query), new Mock<DurableTaskClient>("test").Object, default);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
    }
}
