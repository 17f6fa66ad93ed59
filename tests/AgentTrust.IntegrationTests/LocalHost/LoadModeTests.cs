using System.Text.Json;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.LocalHost;

/// <summary>
/// <c>agenttrust bench --rate</c> (the open-loop load mode) for a few seconds against the local host it starts on
/// Azurite: the report must account for every request and agree with itself.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LoadModeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BenchRate_FewSecondsOnAzurite_ReportAccountsForEveryRequestWithoutErrors()
    {
        var output = Path.Combine(Path.GetTempPath(), $"load-{Guid.NewGuid():N}.json");
        var run = await AgentTrustCli.RunAsync(
            ["bench", "--rate", "2", "--duration", "4s", "--agents", "10", "--drain", "120s", "--out", output],
            TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString });

        Assert.True(run.ExitCode == 0, run.Log);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        File.Delete(output);
        var step = Assert.Single(document.RootElement.EnumerateArray().ToList());
        int Int(string name) => step.GetProperty(name).GetInt32();

        Assert.Equal(8, Int("scheduled")); // 2 actions/s for 4 s
        Assert.Equal(Int("scheduled"), Int("accepted"));
        Assert.Equal(Int("accepted"), Int("decided") + Int("inFlight"));
        Assert.Equal(0, Int("inFlight")); // the drain waited for every decision
        Assert.Empty(step.GetProperty("errors").EnumerateObject());
        Assert.True(step.GetProperty("consistent").GetBoolean());
        Assert.Equal(Int("decided"), step.GetProperty("decision").GetProperty("count").GetInt32());
        Assert.Equal(Int("decided"), step.GetProperty("outcomes").EnumerateObject().Sum(o => o.Value.GetInt32()));
        var decision = step.GetProperty("decision");
        Assert.True(decision.GetProperty("p50").GetDouble() <= decision.GetProperty("p99").GetDouble());
        Assert.True(step.GetProperty("accept").GetProperty("p50").GetDouble() <= decision.GetProperty("p50").GetDouble());
        // Stages come from the task hub's history: every governed action looks its pact up and records evidence.
        var stages = step.GetProperty("stages");
        Assert.True(stages.GetProperty("LookUpPactActivity").GetProperty("count").GetInt32() >= Int("decided"));
        Assert.True(stages.GetProperty("RecordEvidenceActivity").GetProperty("count").GetInt32() >= Int("decided"));
        Assert.True(step.GetProperty("stageWork").GetProperty("pact-lookup").GetProperty("count").GetInt32() >= Int("decided"));
        Assert.NotEmpty(step.GetProperty("queues").EnumerateArray());
    }
}
