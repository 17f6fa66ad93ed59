using System.Text.Json;
using AgentTrust.Functions.Tasks;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Tests.Functions;

/// <summary>
/// The Functions host learns the app's functions from the generated <c>functions.metadata</c>; <c>func</c> cannot
/// run here, so these tests read that file and check it lists every task and endpoint with the right bindings.
/// </summary>
public sealed class FunctionsMetadataTests
{
    static readonly Lazy<JsonElement[]> Metadata = new(Load);

    static JsonElement[] Load()
    {
        // The test runs from tests/AgentTrust.Tests/bin/<Configuration>/net10.0; the app builds beside it.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Path, "functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}: build functions/ first");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    static JsonElement Function(string name) =>
        Metadata.Value.SingleOrDefault(f => f.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } f
            ? f
            : throw new Xunit.Sdk.XunitException($"functions.metadata has no function '{name}'");

    static IEnumerable<JsonElement> Bindings(JsonElement function) => function.GetProperty("bindings").EnumerateArray();

    [Fact]
    public void Metadata_EveryRegisteredOrchestrator_HasAnOrchestrationTrigger()
    {
        var catalog = new AgentTrustTaskCatalog();

        Assert.NotEmpty(catalog.OrchestratorNames);
        foreach (var name in catalog.OrchestratorNames)
        {
            Assert.Contains(Bindings(Function(name)), b => b.GetProperty("type").GetString() == "orchestrationTrigger");
        }
    }

    [Fact]
    public void Metadata_EveryRegisteredActivity_HasAnActivityTrigger()
    {
        var catalog = new AgentTrustTaskCatalog();

        Assert.NotEmpty(catalog.ActivityNames);
        foreach (var name in catalog.ActivityNames)
        {
            Assert.Contains(Bindings(Function(name)), b => b.GetProperty("type").GetString() == "activityTrigger");
        }
    }

    [Fact]
    public void Metadata_EveryApiEndpoint_HasAnHttpTriggerWithItsRouteMethodAndDurableClient()
    {
        var (_, services) = FunctionsTestContext.Create();
        using var _ = services;
        var api = services.GetRequiredService<AgentTrustApi>();

        foreach (var endpoint in api.Endpoints)
        {
            var bindings = Bindings(Function(endpoint.Name)).ToList();
            var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "httpTrigger");
            Assert.Equal(endpoint.Route, trigger.GetProperty("route").GetString());
            Assert.Contains(endpoint.Method, trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()));
            Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "durableClient");
        }
    }

    [Fact]
    public void Metadata_EvidenceCheckpoints_RunOnATimer()
    {
        var trigger = Assert.Single(Bindings(Function("CheckpointEvidence")), b => b.GetProperty("type").GetString() == "timerTrigger");

        Assert.Equal("0 */5 * * * *", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Metadata_WeeklyReport_PublishedOnMondayMornings()
    {
        var trigger = Assert.Single(Bindings(Function("PublishWeeklyReport")), b => b.GetProperty("type").GetString() == "timerTrigger");

        Assert.Equal("0 0 3 * * 1", trigger.GetProperty("schedule").GetString());
    }
}
