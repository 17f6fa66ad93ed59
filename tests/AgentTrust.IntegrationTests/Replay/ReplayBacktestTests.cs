using System.Text.Json;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.Replay;

/// <summary>
/// <c>agenttrust replay --backtest</c> as a process: the real agents fitted on four fifths of their training period,
/// their validation-period proposals routed through the shipped replay pacts offline. No storage, no host.
/// </summary>
public sealed class ReplayBacktestTests
{
    [Fact]
    public async Task Backtest_ShippedRecordsAndPacts_EveryValidationActionRoutedAndArmsCompared()
    {
        var output = Path.Combine(Path.GetTempPath(), "backtest-" + Guid.NewGuid().ToString("N")[..8]);
        var run = await AgentTrustCli.RunAsync(["replay", "--backtest", "--out", output], TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, run.Log);

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "backtest.json")));
        var lanes = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(["incident-classification", "change-risk-warning"], lanes.Select(l => l.GetProperty("lane").GetString()));
        foreach (var lane in lanes)
        {
            var fitted = lane.GetProperty("trainedOn").GetInt32();
            var validated = lane.GetProperty("validated").GetInt32();
            // Four fifths fitted, the last fifth routed: no record of the later (replay) period is looked at.
            Assert.InRange(validated, (fitted / 4) - 1, (fitted / 4) + 1);
            var comparison = lane.GetProperty("comparison");
            Assert.Equal(validated, comparison.GetProperty("actions").GetInt32());
            var none = comparison.GetProperty("none");
            Assert.Equal(validated, none.GetProperty("automated").GetInt32());
            Assert.Equal(comparison.GetProperty("wrongActions").GetInt32(), none.GetProperty("wrongReached").GetInt32());
            Assert.True(comparison.GetProperty("wrongActions").GetInt32() > 0, "real agents make real mistakes on their validation period");
            foreach (var name in new[] { "threshold", "agentTrust" })
            {
                var arm = comparison.GetProperty(name);
                Assert.Equal(validated, arm.GetProperty("automated").GetInt32() + arm.GetProperty("humanReviews").GetInt32() + arm.GetProperty("blocked").GetInt32());
                Assert.True(arm.GetProperty("wrongHighReached").GetInt32() <= comparison.GetProperty("wrongHighDownside").GetInt32());
            }

            // The pact routes some actions to people (its rules and confidence floor), so it is not the no-governance arm.
            Assert.True(comparison.GetProperty("agentTrust").GetProperty("automated").GetInt32() < validated);
        }

        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "backtest.md"));
        Assert.Contains("(c) the pact (static)", markdown, StringComparison.Ordinal);
        Assert.Contains("incident-classification:", markdown, StringComparison.Ordinal);
        Directory.Delete(output, recursive: true);
    }
}
