using System.Collections.Concurrent;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Reads a storage account's evidence as a bundle: every log (Table), every record, checkpoint and published key
/// (Blob). Nothing is judged here: records the log names but storage lacks, and records stored but not logged,
/// are carried into the bundle as they are, for the verifier to report.
/// </summary>
/// <remarks>
/// Evidence is read while it is being written, so the reads are ordered against the writers' order. A writer
/// uploads a record, then appends it to the log; the checkpointer signs a prefix of the log. Reading checkpoints
/// first, then listing records, then the log means every checkpoint covers no more than the log read, and every
/// logged record was either listed or written after the listing (then it is fetched by name). A record stored but
/// not logged is a write between its upload and its log append when it is younger than <see cref="InFlightGrace"/>:
/// it is left out and counted as in flight (a crashed write is retried by its activity and logged then); an older
/// one is a stray the verifier reports.
/// </remarks>
public sealed class StorageEvidenceExporter(StorageClients clients, TimeProvider? time = null)
{
    const int Parallelism = 32;

    /// <summary>How long a stored record may wait for its log append before it counts as a stray.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromMinutes(5);

    public async Task<EvidenceBundle> ReadAsync(CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var container = clients.Blobs.GetBlobContainerClient(clients.Options.EvidenceContainerName);
        var recordNames = new List<string>();
        var storedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var checkpoints = new Dictionary<string, List<Checkpoint>>(StringComparer.Ordinal);
        var exists = await container.ExistsAsync(cancellationToken).ConfigureAwait(false);
        if (exists)
        {
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

        var listedAt = (time ?? TimeProvider.System).GetUtcNow();
        if (exists)
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = EvidenceLayout.RecordsPrefix }, cancellationToken).ConfigureAwait(false))
            {
                recordNames.Add(item.Name);
                storedAt[item.Name] = item.Properties.LastModified ?? DateTimeOffset.MinValue;
            }
        }

        var logs = await new TableEvidenceLog(clients).ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var keys = await new EvidenceKeyDirectory(container).ReadAllAsync(cancellationToken).ConfigureAwait(false);

        // Logged after the listing: the record was uploaded before its log entry, so it is fetched by name.
        var listed = new HashSet<string>(recordNames, StringComparer.Ordinal);
        var lateNames = logs.Values.SelectMany(entries => entries).Select(e => e.Record).Where(name => !listed.Contains(name)).ToList();
        var contents = await DownloadAllAsync(container, [.. recordNames, .. lateNames], cancellationToken).ConfigureAwait(false);
        var logIds = new SortedSet<string>(logs.Keys, StringComparer.Ordinal);
        logIds.UnionWith(checkpoints.Keys);
        logIds.UnionWith(recordNames.Select(AgentOf));
        var logged = new HashSet<string>(StringComparer.Ordinal);
        var inFlight = new List<string>();
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

            var unlogged = new List<BundledRecord>();
            foreach (var name in recordNames.Where(name => AgentOf(name) == logId && !logged.Contains(name)))
            {
                if (listedAt - storedAt[name] < InFlightGrace)
                {
                    inFlight.Add(name);
                }
                else if (contents.TryGetValue(name, out var content))
                {
                    unlogged.Add(new BundledRecord(null, name, null, content));
                }
            }

            bundles.Add(new EvidenceLogBundle(logId, leaves, checkpoints.GetValueOrDefault(logId) ?? [], unlogged));
        }

        return new EvidenceBundle(keys, bundles) { InFlight = inFlight };
    }

    static string AgentOf(string recordName) => recordName.Split('/')[1];

    static async Task<ConcurrentDictionary<string, byte[]>> DownloadAllAsync(BlobContainerClient container, List<string> names, CancellationToken cancellationToken)
    {
        var contents = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (name, ct) =>
        {
            try
            {
                var download = await container.GetBlobClient(name).DownloadContentAsync(ct).ConfigureAwait(false);
                contents[name] = download.Value.Content.ToArray();
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Logged but gone: left out of the contents, so the verifier names it as removed.
            }
        }).ConfigureAwait(false);
        return contents;
    }
}
