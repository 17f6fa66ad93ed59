using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace AgentTrust.Benchmarks.Evidence;

/// <summary>
/// Diagnostic, not a benchmark: where the time of an evidence write goes (sealing, blob writes, log appends), each
/// stage alone at the same concurrency. <c>dotnet run -c Release --project bench/AgentTrust.Benchmarks -- evidence-breakdown [records] [concurrency]</c>
/// </summary>
internal static class EvidenceWriteBreakdown
{
    public static async Task RunAsync(string[] args)
    {
        var records = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
        using var azurite = BenchAzurite.Start();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var clients = new StorageClients(Options.Create(new AgentTrustStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            EvidenceContainerName = "breakdown" + suffix,
            EvidenceLogTableName = "breakdownlog" + suffix,
        }));
        using var signer = LocalEcdsaSigner.Generate();
        var payload = JsonSerializer.SerializeToElement(new { priority = 3, category = "Category 55", confidence = 0.93 });
        var drafts = Enumerable.Range(0, records).Select(i => new EvidenceDraft(
            $"act-{i:D6}", 0, EvidenceKinds.Decision, $"agent-{i % 8}", "incident-classification", "servicenow", $"INC{i:D7}",
            "sha256:" + new string('e', 64), null, DateTimeOffset.UnixEpoch, payload)).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency };

        // --store-only: the product's write path alone (the other stages are diagnostics and take long under load).
        var storeOnly = args.Contains("--store-only", StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        if (!storeOnly)
        {
            await StagesAsync(clients, drafts, options, suffix);
        }

        // The whole write path as activities use it: seal, group-committed batch blob per agent, one log
        // transaction per batch; the receipt comes back when both are durable. Fresh names, a fresh log table.
        var storeClients = new StorageClients(Options.Create(new AgentTrustStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            EvidenceContainerName = "breakdownstore" + suffix,
            EvidenceLogTableName = "breakdownstorelog" + suffix,
        }));
        using var checkpointSigner = LocalEcdsaSigner.Generate();
        var store = new BlobEvidenceStore(storeClients, new TableEvidenceLog(storeClients), new EvidenceSigners(signer, checkpointSigner));
        await store.AppendAsync(drafts[0] with { ActionId = "warm-up" });
        watch.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, records), options, async (i, ct) => await store.AppendAsync(drafts[i], ct));
        var elapsed = watch.Elapsed;
        Report("store: seal + batch blob + log txn", records, elapsed);
        var batches = 0;
        await foreach (var _ in storeClients.Blobs.GetBlobContainerClient("breakdownstore" + suffix).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = EvidenceLayout.BatchesPrefix }))
        {
            batches++;
        }

        // Two requests per batch (the blob PUT, the log transaction), plus head re-reads after a conflict (none here:
        // one writer process).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"  batches",-40} {batches,10} ({(double)records / batches:F1} records per batch, {2.0 * batches / elapsed.TotalSeconds:F0} storage requests/s)"));
    }

    static async Task StagesAsync(StorageClients clients, List<EvidenceDraft> drafts, ParallelOptions options, string suffix)
    {
        var records = drafts.Count;
        using var signer = LocalEcdsaSigner.Generate();
        var sealedRecords = new byte[records][];
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, records), options, async (i, ct) => sealedRecords[i] = await EvidenceEnvelopes.SealAsync(drafts[i], signer, ct));
        Report("seal (canonical JSON + DSSE + ES256)", records, watch.Elapsed);

        var container = clients.Blobs.GetBlobContainerClient("breakdown" + suffix);
        await container.CreateIfNotExistsAsync();
        watch.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, records), options, async (i, ct) =>
            await container.GetBlobClient(EvidenceRecordNames.For(drafts[i])).UploadAsync(new BinaryData(sealedRecords[i]), overwrite: true, ct));
        Report("blob uploads", records, watch.Elapsed);

        var log = new TableEvidenceLog(clients);
        watch.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, records), options, async (i, ct) =>
            await log.AppendAsync(drafts[i].AgentId, EvidenceRecordNames.For(drafts[i]), MerkleTree.LeafHash(sealedRecords[i]), ct));
        Report("log appends (8 agents, group commit)", records, watch.Elapsed);

    }

    static void Report(string stage, int records, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-40} {records / elapsed.TotalSeconds,10:F0} records/s ({elapsed.TotalMilliseconds / records:F3} ms each)"));
}
