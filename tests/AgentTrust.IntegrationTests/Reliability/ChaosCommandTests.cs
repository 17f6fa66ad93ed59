using System.Text.Json;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.Reliability;

/// <summary>
/// The short chaos run (docs/reliability.md, "Faults: chaos"): <c>agenttrust chaos</c> as a process, with its own
/// Azurite, SIGKILLs the local host five times (and restarts Azurite twice) under a stream of actions, approvals and
/// outcomes. Every accepted action must end with exactly one decision, nothing may reach the ticketing tool twice,
/// the evidence must verify and the trust scores must equal a recomputation. Regression for the redelivered start
/// message that left workflows failing forever after a kill (cli/LocalHost/DuplicateStartFilter).
/// </summary>
[Collection(AzuriteCollection.Name)] // not for the shared Azurite: it runs alone, so the machine is not shared with other hosts
public sealed class ChaosCommandTests
{
    [Fact]
    public async Task Chaos_FiveHostKillsAndAzuriteRestarts_NothingLostOrDuplicated()
    {
        var work = Path.Combine(Path.GetTempPath(), "agenttrust-chaos-test-" + Guid.NewGuid().ToString("N")[..8]);
        var run = await AgentTrustCli.RunAsync(
        [
            // Control-queue messages stay invisible 60 s instead of 15 s: on a 2-core machine under load an episode can
            // take longer than 15 s, and with 15 s every episode lost its message lease and was retried (docs/reliability.md).
            "chaos", "--kills", "5", "--azurite-restart-every", "2", "--rate", "0.3", "--life", "6-15", "--agents", "2",
            "--drain", "15m", "--seed", "11", "--host", "AgentTrust:LocalHost:ControlQueueVisibilityTimeout=00:01:00", "--work", work, "--azurite", Path.Combine(AzuriteFixture.RepositoryRoot, "node_modules", ".bin", "azurite"), "--json",
        ], TimeSpan.FromMinutes(30));
        var (stdout, progress) = (run.Stdout, run.Stderr);

        Assert.True(stdout.TrimStart().StartsWith('{'), $"no report; progress: {progress}");
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        var why = $"report: {stdout}\nprogress: {progress}";
        Assert.True(root.GetProperty("hostKills").GetInt32() == 5, why);
        Assert.True(root.GetProperty("azuriteRestarts").GetInt32() == 2, why);
        Assert.True(root.GetProperty("accepted").GetInt32() > 0, why);
        Assert.True(root.GetProperty("decided").GetInt32() == root.GetProperty("accepted").GetInt32(), why);
        Assert.True(root.GetProperty("lost").GetInt32() == 0, why);
        Assert.True(root.GetProperty("duplicated").GetInt32() == 0, why);
        Assert.True(root.GetProperty("missingWriteBacks").GetInt32() == 0, why);
        Assert.True(root.GetProperty("wrongfulWrites").GetInt32() == 0, why);
        Assert.True(root.GetProperty("writeBacks").GetInt32() > 0, why);
        Assert.True(root.GetProperty("evidenceVerified").GetBoolean(), why);
        Assert.True(root.GetProperty("trustEqual").GetBoolean(), why);
        Assert.True(root.GetProperty("feedMatches").GetBoolean(), why);
        Assert.Equal(0, run.ExitCode);
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
