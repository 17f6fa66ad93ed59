using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Storage;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Options;

namespace AgentTrust.Benchmarks.Evidence;

/// <summary>
/// Evidence write throughput through the real adapters on Azurite: each record is sealed (in-toto statement,
/// RFC 8785, DSSE, ES256 with the local record key), then group-committed per agent: the records waiting for the
/// agent's previous batch are stored as one batch blob and appended to the agent's Merkle log in one table
/// transaction; every invocation ends with a Key-Vault-style signed checkpoint per agent.
/// Records come from many concurrent workflows, as activities do. Result: time per record (records/s = 1 / mean).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class EvidenceWriteBenchmarks
{
    const int Records = 4000;
    const int Agents = 8;

    BenchAzurite? azurite;
    EvidenceSigners? signers;
    BlobEvidenceStore? store;
    EvidenceCheckpointer? checkpointer;
    int round;

    [Params(64, 512)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        azurite = BenchAzurite.Start();
        var clients = new StorageClients(Options.Create(new AgentTrustStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            EvidenceContainerName = "bench-evidence",
            EvidenceLogTableName = "benchevidencelog",
        }));
        signers = new EvidenceSigners(LocalEcdsaSigner.Generate(), LocalEcdsaSigner.Generate());
        var log = new TableEvidenceLog(clients);
        store = new BlobEvidenceStore(clients, log, signers);
        checkpointer = new EvidenceCheckpointer(clients, log, signers, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => azurite?.Dispose();

    [Benchmark(OperationsPerInvoke = Records)]
    public async Task SignLogAndStore()
    {
        var run = Interlocked.Increment(ref round);
        // Each workflow writes 4 chained records (evaluation, decision, approval, outcome), workflows run concurrently.
        var workflows = Records / 4;
        await Parallel.ForEachAsync(Enumerable.Range(0, workflows), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (w, ct) =>
        {
            string? previous = null;
            string[] kinds = [EvidenceKinds.Evaluation, EvidenceKinds.Decision, EvidenceKinds.Approval, EvidenceKinds.Outcome];
            for (var s = 0; s < kinds.Length; s++)
            {
                var draft = new EvidenceDraft(
                    $"act-{run:D3}-{w:D5}", s, kinds[s], $"agent-{w % Agents}", "incident-classification", "servicenow", $"INC{w:D7}",
                    "sha256:" + new string('c', 64), previous, DateTimeOffset.UnixEpoch.AddSeconds(w),
                    JsonSerializer.SerializeToElement(new { priority = 3, category = "Category 55", confidence = 0.93 }));
                previous = (await store!.AppendAsync(draft, ct)).Digest;
            }
        });
        await checkpointer!.CheckpointAllAsync();
    }
}
