using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
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
/// uploads a record (the first layout: one blob per record) or a batch of records (one blob, one line per record),
/// then appends it to the log, whose entries point at the batch, offset and length; the checkpointer signs a prefix of the log. Reading checkpoints
/// first, then listing records, then the log means every checkpoint covers no more than the log read, and every
/// logged record was either listed or written after the listing (then it, or its batch, is fetched by name). A record
/// stored but not logged (a blob, or a line of a batch, whose record name the log does not hold) is a write between
/// its upload and its log append when it (its batch) is younger than <see cref="InFlightGrace"/>:
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
        var batchNames = new List<string>();
        if (exists)
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = EvidenceLayout.RecordsPrefix }, cancellationToken).ConfigureAwait(false))
            {
                recordNames.Add(item.Name);
                storedAt[item.Name] = item.Properties.LastModified ?? DateTimeOffset.MinValue;
            }

            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = EvidenceLayout.BatchesPrefix }, cancellationToken).ConfigureAwait(false))
            {
                batchNames.Add(item.Name);
                storedAt[item.Name] = item.Properties.LastModified ?? DateTimeOffset.MinValue;
            }
        }

        var logs = await new TableEvidenceLog(clients).ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var keys = await new EvidenceKeyDirectory(container).ReadAllAsync(cancellationToken).ConfigureAwait(false);

        // Logged after the listing: the record (or its batch) was uploaded before its log entry, so it is fetched by name.
        var listed = new HashSet<string>([.. recordNames, .. batchNames], StringComparer.Ordinal);
        var lateNames = logs.Values.SelectMany(entries => entries)
            .Select(e => e.Location?.Batch ?? e.Record)
            .Where(name => !listed.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var contents = await DownloadAllAsync(container, [.. recordNames, .. batchNames, .. lateNames], cancellationToken).ConfigureAwait(false);
        var logIds = new SortedSet<string>(logs.Keys, StringComparer.Ordinal);
        logIds.UnionWith(checkpoints.Keys);
        logIds.UnionWith(recordNames.Select(EvidenceLayout.AgentOf));
        logIds.UnionWith(batchNames.Select(EvidenceLayout.AgentOf));
        var batchLines = batchNames.Where(contents.ContainsKey).ToLookup(EvidenceLayout.AgentOf, StringComparer.Ordinal);
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
                leaves.Add(new BundledRecord(entry.Index, entry.Record, entry.LeafHash, ContentOf(entry, contents)));
            }

            var unlogged = new List<BundledRecord>();
            foreach (var name in recordNames.Where(name => EvidenceLayout.AgentOf(name) == logId && !logged.Contains(name)))
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

            // A line of a batch whose record name is not logged: a write in flight, or (older) a stray. A line whose
            // name is logged elsewhere is a retried write's spare copy and not evidence of anything.
            foreach (var batch in batchLines[logId])
            {
                foreach (var (name, content) in Lines(batch, contents[batch]))
                {
                    if (logged.Contains(name))
                    {
                        continue;
                    }

                    if (listedAt - storedAt[batch] < InFlightGrace)
                    {
                        inFlight.Add(name);
                    }
                    else
                    {
                        unlogged.Add(new BundledRecord(null, name, null, content));
                    }
                }
            }

            bundles.Add(new EvidenceLogBundle(logId, leaves, checkpoints.GetValueOrDefault(logId) ?? [], unlogged));
        }

        return new EvidenceBundle(keys, bundles) { InFlight = inFlight };
    }

    /// <summary>The bytes a log entry names: its range of a batch, or the blob of its own name (first layout).</summary>
    static byte[]? ContentOf(LogEntry entry, ConcurrentDictionary<string, byte[]> contents)
    {
        if (entry.Location is not { } location)
        {
            return contents.GetValueOrDefault(entry.Record);
        }

        // A batch that is gone, or cut short, leaves the record missing: the verifier names it as removed.
        return contents.TryGetValue(location.Batch, out var batch) && location.Offset >= 0 && location.Length >= 0
            && location.Offset + location.Length <= batch.Length
            ? batch.AsSpan((int)location.Offset, location.Length).ToArray()
            : null;
    }

    /// <summary>Each line of a batch with the record name its content claims (or the batch and offset when it claims none).</summary>
    static IEnumerable<(string Name, byte[] Content)> Lines(string batch, byte[] bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', offset);
            if (end < 0)
            {
                end = bytes.Length;
            }

            var line = bytes.AsSpan(offset, end - offset).ToArray();
            string name;
            try
            {
                var summary = EvidenceSummaryReader.Read(line);
                name = EvidenceRecordNames.For(summary.AgentId, summary.ActionId, summary.Sequence, summary.Kind);
            }
            catch (FormatException)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"{batch}#{offset}+{line.Length}");
            }

            if (line.Length > 0)
            {
                yield return (name, line);
            }

            offset = end + 1;
        }
    }

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
