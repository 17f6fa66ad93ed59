using System.Text.Json;
using AgentTrust.Benchmarks.Evidence;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using AgentTrust.Orchestrations.TrustConsole;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Options;

namespace AgentTrust.Benchmarks.TrustConsole;

/// <summary>
/// The console's decision list on 100,000 decisions (plus 500 waiting for a person) in the action feed on Azurite,
/// written through the real projection (<see cref="TableActionFeed.ProjectAsync"/>) over 30 days: the newest page,
/// a page 20 pages deep (following continuation tokens, the cost a "Load more" click pays each time), a status-filtered
/// page, and the pending list. In process: each call is a round trip to Azurite, so a separate benchmark process buys
/// nothing, and generating and building one timed out (BenchmarkDotNet's 120 s build limit) on a loaded 2-core machine.
/// The seeded feed is shared by the four benchmarks of the process (seeding 100,500 decisions takes minutes; the
/// benchmarks only read it).
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
public class ActionFeedBenchmarks
{
    const int Decisions = 100_000;
    const int Waiting = 500;

    static BenchAzurite? azurite;
    static TableActionFeed? feed;
    static string? deepToken;

    [GlobalSetup]
    public void Setup()
    {
        if (feed is not null)
        {
            return;
        }

        azurite = BenchAzurite.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Dispose();
        var clients = new StorageClients(Options.Create(new AgentTrustStorageOptions { ConnectionString = azurite.ConnectionString }));
        feed = new TableActionFeed(clients, Options.Create(new ConsoleOptions { ActionFeedTableName = "benchactionfeed" }));
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        Parallel.ForEachAsync(Enumerable.Range(0, Decisions + Waiting), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var kind = i >= Decisions ? DecisionKind.RequireApproval : (i % 10) switch { 0 => DecisionKind.Block, 1 => DecisionKind.Shadow, _ => DecisionKind.AutoApply };
            var decision = new Decision(kind, [$"reason {i % 7}"], "sha256:pact", 1);
            var at = start.AddSeconds(i * 25.0);
            var draft = new EvidenceDraft(
                $"act-{i:D32}", 1, EvidenceKinds.Decision, $"agent-{i % 20}", "incident-classification", "servicenow", $"INC{i:D7}",
                "sha256:action", null, at, JsonSerializer.SerializeToElement(new { pactHash = "sha256:pact", record = decision }, JsonDefaults.Options));
            await feed.ProjectAsync(draft, new EvidenceReceipt($"evidence/records/x/{i}", "sha256:r", 1), ct);
        }).GetAwaiter().GetResult();

        string? token = null;
        for (var p = 0; p < 20; p++)
        {
            token = feed.PageAsync(pendingOnly: false, null, 50, token).GetAwaiter().GetResult().ContinuationToken;
        }

        deepToken = token;
    }

    [Benchmark]
    public Task<ActionFeedPage> NewestPage() => feed!.PageAsync(pendingOnly: false, null, 50, null);

    [Benchmark]
    public Task<ActionFeedPage> PageTwentyOne() => feed!.PageAsync(pendingOnly: false, null, 50, deepToken);

    [Benchmark]
    public Task<ActionFeedPage> BlockedPage() => feed!.PageAsync(pendingOnly: false, "blocked", 50, null);

    [Benchmark]
    public Task<ActionFeedPage> PendingPage() => feed!.PageAsync(pendingOnly: true, null, 50, null);

    /// <summary>One short job (1 warm-up, 10 measured calls per benchmark), run in this process.</summary>
    sealed class InProcessMonitoringConfig : ManualConfig
    {
        public InProcessMonitoringConfig() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(10)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)).WithId("InProcessShort"));
    }
}
