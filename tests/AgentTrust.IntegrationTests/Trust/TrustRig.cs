using System.Text;
using AgentTrust.Domain.Trust;
using AgentTrust.IntegrationTests.Evidence;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Outcomes;
using AgentTrust.Orchestrations.Trust;
using Microsoft.Extensions.Options;

namespace AgentTrust.IntegrationTests.Trust;

/// <summary>The trust engine on Azurite: real signed evidence, the Table trust store, attribution index and outcome store.</summary>
internal sealed class TrustRig : IDisposable
{
    public TrustRig(AzuriteFixture azurite)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        Evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        TableName = "trust" + suffix;
        var options = Options.Create(new TrustOptions { TableName = TableName, AttributionTableName = "attribution" + suffix });
        Store = new TableTrustStore(Evidence.Clients, options);
        Attribution = new TableTrustAttributionIndex(Evidence.Clients, options);
        Outcomes = new TableOutcomeStore(Evidence.Clients, Options.Create(new OutcomeStoreOptions { TableName = "outcomes" + suffix }));
        Engine = new TrustEngine(Evidence.Store, Store, Attribution, TrustParameters.Default, TimeProvider.System);
        PostOutcome = new PostOutcomeHandler(Outcomes, Engine, Options.Create(new ApiOptions()));
        GetTrust = new GetTrustHandler(Engine, options, TimeProvider.System);
        Recomputer = new TrustRecomputer(new StorageEvidenceExporter(Evidence.Clients), Store, TrustParameters.Default);
    }

    public string TableName { get; }

    public EvidenceFixtures Evidence { get; }

    public TableTrustStore Store { get; }

    public TableTrustAttributionIndex Attribution { get; }

    public TableOutcomeStore Outcomes { get; }

    public TrustEngine Engine { get; }

    public PostOutcomeHandler PostOutcome { get; }

    public GetTrustHandler GetTrust { get; }

    public TrustRecomputer Recomputer { get; }

    public static ApiRequest Post(string body) => new()
    {
        Method = "POST",
        Url = new Uri("http://localhost/api/outcomes"),
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" },
        Body = Encoding.UTF8.GetBytes(body),
    };

    public static ApiRequest Get(string agent) => new()
    {
        Method = "GET",
        Url = new Uri($"http://localhost/api/agents/{agent}/trust"),
        Route = new Dictionary<string, string> { ["agent"] = agent },
    };

    public void Dispose() => Evidence.Dispose();
}
