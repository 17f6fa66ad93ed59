using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.Extensions.Options;

namespace AgentTrust.IntegrationTests.Api;

/// <summary>PUT /api/pacts/{agent}/{lane} with YAML and JSON, through the real loader and the Table-storage registry.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishPactHandlerTests(AzuriteFixture azurite)
{
    static string ShippedPact(string lane)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "pacts", $"{lane}.pact.yaml")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir!.FullName, "pacts", $"{lane}.pact.yaml"));
    }

    static ApiRequest Put(string agent, string lane, string contentType, string body) => new()
    {
        Method = "PUT",
        Url = new Uri($"http://localhost/api/pacts/{agent}/{lane}"),
        Route = new Dictionary<string, string> { ["agent"] = agent, ["lane"] = lane },
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType },
        Body = Encoding.UTF8.GetBytes(body),
    };

    static PublishPactHandler Handler(IPactStore store) =>
        new(store, new CelPactCompiler(), Options.Create(new ApiOptions()), TimeProvider.System);

    [Fact]
    public async Task HandleAsync_YamlPact_IsPublishedAndReadBackWithItsHash()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));
        var yaml = ShippedPact("change-risk-warning");

        var response = await Handler(store).HandleAsync(Put("change-risk-01", "change-risk-warning", "application/yaml", yaml), null!, default);

        Assert.Equal(201, response.Status);
        var stored = await store.GetAsync(new PactKey("change-risk-01", "change-risk-warning", 1));
        var expected = PactLoader.Load(yaml).Pact!;
        Assert.Equal(PactHash.Compute(expected), stored!.Hash);
        Assert.Equal(FieldType.Timestamp, stored.Pact.TicketSchema!["scheduled_downtime_start"]);
        Assert.Equal(3600, stored.Pact.Approval.Escalation![0].AfterSeconds);
    }

    [Fact]
    public async Task HandleAsync_JsonPactSameContent_IsAlreadyPublished()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));
        var yaml = ShippedPact("anomaly-triage");
        var json = JsonSerializer.Serialize(PactLoader.Load(yaml).Pact, JsonDefaults.Options);
        await Handler(store).HandleAsync(Put("anomaly-triage-01", "anomaly-triage", "application/yaml", yaml), null!, default);

        var response = await Handler(store).HandleAsync(Put("anomaly-triage-01", "anomaly-triage", "application/json", json), null!, default);

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task HandleAsync_YamlWithBadExpression_Is400WithLineAndColumnAndNothingStored()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));
        var yaml = ShippedPact("anomaly-triage").Replace("condition: action.signal_count >= 3", "condition: action.signal_cnt >= 3", StringComparison.Ordinal);

        var response = await Handler(store).HandleAsync(Put("anomaly-triage-01", "anomaly-triage", "application/yaml; charset=utf-8", yaml), null!, default);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body);
        Assert.Equal("https://agenttrust.dev/problems/validation", problem.RootElement.GetProperty("type").GetString());
        var error = problem.RootElement.GetProperty("errors")[0];
        Assert.Equal("clauses[4].condition", error.GetProperty("field").GetString());
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("signal_cnt", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, error.GetProperty("line").GetInt32());
        Assert.Equal(16, error.GetProperty("column").GetInt32());
        Assert.Null(await store.GetAsync(new PactKey("anomaly-triage-01", "anomaly-triage")));
    }

    [Fact]
    public async Task HandleAsync_MalformedYaml_Is400MalformedYaml()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));

        var response = await Handler(store).HandleAsync(Put("a", "anomaly-triage", "application/yaml", "agentId: a\nlane: 'unclosed\n"), null!, default);

        Assert.Equal(400, response.Status);
        using var problem = JsonDocument.Parse(response.Body);
        Assert.Equal("https://agenttrust.dev/problems/malformed-yaml", problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task HandleAsync_UnknownFieldInJson_Is400NamingTheField()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));
        var json = JsonSerializer.Serialize(PactLoader.Load(ShippedPact("anomaly-triage")).Pact, JsonDefaults.Options).Replace("\"owner\":", "\"ownr\":\"x\",\"owner\":", StringComparison.Ordinal);

        var response = await Handler(store).HandleAsync(Put("anomaly-triage-01", "anomaly-triage", "application/json", json), null!, default);

        Assert.Equal(400, response.Status);
        using var problem = JsonDocument.Parse(response.Body);
        var error = problem.RootElement.GetProperty("errors")[0];
        Assert.Equal("ownr", error.GetProperty("field").GetString());
        Assert.StartsWith("unknown field 'ownr'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_TextPlain_Is415()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));

        var response = await Handler(store).HandleAsync(Put("a", "anomaly-triage", "text/plain", "x"), null!, default);

        Assert.Equal(415, response.Status);
    }
}
