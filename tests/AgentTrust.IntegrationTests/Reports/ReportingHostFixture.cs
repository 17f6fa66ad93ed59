using System.Net.Http.Json;
using System.Text.Json;
using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Reports;
using AgentTrust.IntegrationTests.LocalHost;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Metrics;
using AgentTrust.Orchestrations.Storage;
using Microsoft.Extensions.Options;

namespace AgentTrust.IntegrationTests.Reports;

/// <summary>
/// A local host on Azurite with tables, container and keys of its own, and a week's worth of governed work driven
/// through its HTTP API: four actions applied, one blocked, two sent to a person (one approved, one rejected), and
/// stored weekly metrics for this week and the one before. The lane ranking and report tests read what it left.
/// </summary>
public sealed class ReportingHostFixture : LocalHostFixture
{
    static readonly TimeSpan Settling = TimeSpan.FromSeconds(120);
    readonly string suffix = Guid.NewGuid().ToString("N")[..8];

    public HttpClient Http { get; private set; } = null!;

    public string Agent { get; } = "reporter-" + Guid.NewGuid().ToString("N")[..6];

    public string KeyDirectory { get; } = Path.Combine(Path.GetTempPath(), "agenttrust-report-keys-" + Guid.NewGuid().ToString("N")[..8]);

    public IsoWeek Week { get; } = IsoWeek.Of(DateTimeOffset.UtcNow);

    public IReadOnlyList<WeeklyMetrics> StoredMetrics { get; private set; } = [];

    public StorageClients Clients { get; private set; } = null!;

    public string MetricsTable => "weekly" + suffix;

    public string TrustTable => "trust" + suffix;

    public string ReportsContainer => "reports" + suffix;

    /// <summary>The storage and key options the report command needs to read what this host wrote.</summary>
    public string[] ReportArgs =>
    [
        "--connection-string", ConnectionString, "--container", "evidence" + suffix, "--log-table", "log" + suffix, "--metrics-table", MetricsTable,
        "--checkpoint-key", Path.Combine(KeyDirectory, "checkpoints.pem"), "--record-key", Path.Combine(KeyDirectory, "records.pem"),
    ];

    protected override string TaskHubPrefix => "rep";

    protected override IEnumerable<string> HostArguments =>
    [
        $"--AgentTrust:Storage:PactTableName=pacts{suffix}",
        $"--AgentTrust:Storage:EvidenceContainerName=evidence{suffix}",
        $"--AgentTrust:Storage:EvidenceLogTableName=log{suffix}",
        $"--AgentTrust:Storage:ActionIndexTableName=actions{suffix}",
        $"--AgentTrust:Trust:TableName={TrustTable}",
        $"--AgentTrust:Trust:AttributionTableName=attribution{suffix}",
        $"--AgentTrust:Metrics:TableName={MetricsTable}",
        // The host's weekly job reads outcomes and disputes: only this fixture's, not other tests' in this Azurite.
        $"--AgentTrust:Outcomes:TableName=outcomes{suffix}",
        $"--AgentTrust:Disputes:TableName=disputes{suffix}",
        // Reports are published by the tests (deterministically), read back by the host's API from this container.
        $"--AgentTrust:Reports:ContainerName={ReportsContainer}",
        "--AgentTrust:Reports:Enabled=false",
        // The report signs the checkpoint it needs itself; an hourly host checkpoint keeps the two from racing.
        "--AgentTrust:Evidence:CheckpointInterval=01:00:00",
        $"--AgentTrust:Evidence:RecordKeyPath={Path.Combine(KeyDirectory, "records.pem")}",
        $"--AgentTrust:Evidence:CheckpointKeyPath={Path.Combine(KeyDirectory, "checkpoints.pem")}",
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Http = new HttpClient { BaseAddress = Host.BaseUrl };
        Clients = new StorageClients(Options.Create(new AgentTrustStorageOptions
        {
            ConnectionString = ConnectionString,
            EvidenceContainerName = "evidence" + suffix,
            EvidenceLogTableName = "log" + suffix,
            PactTableName = "pacts" + suffix,
        }));

        var published = await Api.PublishAsync(Actions.Pact(Agent));
        published.EnsureSuccessStatusCode();
        for (var i = 0; i < 4; i++)
        {
            await Settle(await Api.ProposeAsync(Actions.Classify(Agent, $"ok-{i}", priority: 3, confidence: 0.95, ticket: $"INC00{i:D5}")), "applied");
        }

        await Settle(await Api.ProposeAsync(Actions.Classify(Agent, "p1", priority: 1, confidence: 0.95)), "blocked");
        foreach (var (key, approved) in new[] { ("ask-yes", true), ("ask-no", false) })
        {
            var (_, view) = await Api.ProposeAsync(Actions.Classify(Agent, key, priority: 3, confidence: 0.3));
            var id = view.GetProperty("id").GetString()!;
            await Api.WaitForStatusAsync(id, Settling, "awaiting-approval");
            await Task.Delay(1100); // a latency of at least a second, so it shows
            await Api.ApproveAsync(id, approved);
            await Api.WaitForStatusAsync(id, Settling, approved ? "approved" : "rejected");
        }

        // Stored weekly metrics, as the weekly job writes them: this week and the week before, agents and humans.
        var metrics = new TableWeeklyMetricsStore(Clients, Options.Create(new WeeklyMetricsOptions { TableName = MetricsTable }));
        var thisWeek = DateOnly.FromDateTime(Week.Start.UtcDateTime);
        StoredMetrics =
        [
            new(thisWeek, Domain.Lanes.Lanes.IncidentClassification, Agent, WorkHandler.Agent, Metrics(tickets: 10, resolved: 8, mttr: 5, reopened: 2)),
            new(thisWeek, Domain.Lanes.Lanes.IncidentClassification, "human", WorkHandler.Human, Metrics(tickets: 20, resolved: 16, mttr: 9, reopened: 1)),
            new(thisWeek.AddDays(-7), Domain.Lanes.Lanes.IncidentClassification, Agent, WorkHandler.Agent, Metrics(tickets: 6, resolved: 4, mttr: 7, reopened: 1)),
        ];
        await metrics.SaveAsync(StoredMetrics.Select(m => new StoredWeeklyMetrics(m.WeekStart, m.Lane, m.AgentId, m.Handler, m.Metrics, DateTimeOffset.UtcNow)));
    }

    static ItsmMetrics Metrics(int tickets, int resolved, double mttr, int reopened) => new(
        tickets, tickets, 0, resolved, mttr, mttr, reopened, (double)reopened / resolved, 0, null, 0, 0, 0, null, 0, 0, 0, null, 0, 0, 0);

    /// <summary>Waits for the action's decision: on a loaded machine the first workflows can outlast the API's 20 s wait.</summary>
    async Task Settle((HttpResponseMessage Response, JsonElement Body) proposed, string status) =>
        await Api.WaitForStatusAsync(proposed.Body.GetProperty("id").GetString()!, Settling, status);

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public override async Task DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(KeyDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
