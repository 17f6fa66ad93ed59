using System.Collections.Concurrent;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Reads a storage account's evidence as a bundle: every log (Table), every record, checkpoint and published key
/// (Blob). Nothing is judged here: records the log names but storage lacks, and records stored but not logged,
/// are carried into the bundle as they are, for the verifier to report.
/// </summary>
public sealed class StorageEvidenceExporter(StorageClients clients)
{
    const int Parallelism = 32;

    public async Task<EvidenceBundle> ReadAsync(CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var container = clients.Blobs.GetBlobContainerClient(clients.Options.EvidenceContainerName);
        var logs = await new TableEvidenceLog(clients).ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var keys = await new EvidenceKeyDirectory(container).ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var recordNames = new List<string>();
        var checkpoints = new Dictionary<string, List<Checkpoint>>(StringComparer.Ordinal);
        if (await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = EvidenceLayout.RecordsPrefix }, cancellationToken).ConfigureAwait(false))
            {
                recordNames.Add(item.Name);
            }

            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = EvidenceLayout.CheckpointsPrefix }, cancellationToken).ConfigureAwait(false))
            {
                var logId = item.Name.Split('/')[1];
                var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                var checkpoint = JsonSerializer.Deserialize<Checkpoint>(content.Value.Content.ToMemory().Span, JsonDefaults.Options)
                    ?? throw new InvalidOperationException($"Checkpoint blob '{item.Name}' is empty.");
                if (!checkpoints.TryGetValue(logId, out var list))
                {
                    list = [];
                    checkpoints[logId] = list;
                }

                list.Add(checkpoint);
            }
        }

        var contents = await DownloadAllAsync(container, recordNames, cancellationToken).ConfigureAwait(false);
        var logIds = new SortedSet<string>(logs.Keys, StringComparer.Ordinal);
        logIds.UnionWith(checkpoints.Keys);
        logIds.UnionWith(recordNames.Select(AgentOf));
        var logged = new HashSet<string>(StringComparer.Ordinal);
        var bundles = new List<EvidenceLogBundle>();
        foreach (var logId in logIds)
        {
            var entries = logs.TryGetValue(logId, out var list) ? list : [];
            var leaves = new List<BundledRecord>(entries.Count);
            foreach (var entry in entries)
            {
                logged.Add(entry.Record);
                leaves.Add(new BundledRecord(entry.Index, entry.Record, entry.LeafHash, contents.GetValueOrDefault(entry.Record)));
            }

            var unlogged = recordNames
                .Where(name => AgentOf(name) == logId && !logged.Contains(name))
                .Select(name => new BundledRecord(null, name, null, contents[name]))
                .ToList();
            bundles.Add(new EvidenceLogBundle(logId, leaves, checkpoints.GetValueOrDefault(logId) ?? [], unlogged));
        }

        return new EvidenceBundle(keys, bundles);
    }

    static string AgentOf(string recordName) => recordName.Split('/')[1];

    static async Task<ConcurrentDictionary<string, byte[]>> DownloadAllAsync(BlobContainerClient container, List<string> names, CancellationToken cancellationToken)
    {
        var contents = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (name, ct) =>
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(ct).ConfigureAwait(false);
            contents[name] = download.Value.Content.ToArray();
        }).ConfigureAwait(false);
        return contents;
    }
}
