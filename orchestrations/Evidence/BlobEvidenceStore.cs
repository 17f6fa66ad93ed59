using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Evidence records as signed DSSE envelopes (canonical JSON), one record per step, each appended to the agent's
/// Merkle log. Writes are group-committed per agent: records that arrive while the agent's previous batch is being
/// written are stored together as one batch blob (<c>batches/{agent}/...jsonl</c>, one record per line) and logged
/// in one table transaction whose leaf entities point at (batch, offset, length). A caller's receipt is returned
/// only after both are durable. So a batch of up to 98 records costs two storage requests instead of one blob PUT
/// per record plus a share of a transaction. A receipt's location is <c>{container}/{record name}</c> in either
/// layout: the name the log, the verifier and the API use; the log says where its bytes are.
/// </summary>
/// <remarks>
/// Idempotency is the log's record entity (keyed by the record name, the same for every retry): a retried write
/// that finds its record logged gets the first record's leaf and digest (read back from where it is stored), and
/// its own freshly sealed copy stays an unlogged line in its batch, which readers ignore because the name is
/// logged. Records written by the first layout (one blob per record name) stay readable; see
/// <see cref="StorageEvidenceExporter"/>.
/// </remarks>
public sealed class BlobEvidenceStore : IEvidenceStore
{
    // A batch is logged in one table transaction (one record entity per record, the leaf span and the head).
    const int MaxBatch = TableEvidenceLog.MaxRecordsPerTransaction;

    readonly BlobContainerClient container;
    readonly TableEvidenceLog log;
    readonly EvidenceSigners signers;
    readonly EvidenceKeyDirectory keys;
    readonly TimeProvider time;
    readonly Lazy<Task> ensureReady;
    readonly GroupCommit<Write> pendingWrites;

    public BlobEvidenceStore(StorageClients clients, TableEvidenceLog log, EvidenceSigners signers)
        : this(clients, log, signers, TimeProvider.System)
    {
    }

    public BlobEvidenceStore(StorageClients clients, TableEvidenceLog log, EvidenceSigners signers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(signers);
        ArgumentNullException.ThrowIfNull(time);
        container = clients.Blobs.GetBlobContainerClient(clients.Options.EvidenceContainerName);
        this.log = log;
        this.signers = signers;
        this.time = time;
        keys = new EvidenceKeyDirectory(container);
        pendingWrites = new GroupCommit<Write>(MaxBatch, CommitAsync, (write, ex) => write.Completion.TrySetException(ex));
        ensureReady = new Lazy<Task>(async () =>
        {
            await container.CreateIfNotExistsAsync().ConfigureAwait(false);
            // The record key is published before the first record it signs, so every record stays verifiable.
            await keys.PublishAsync(signers.Records).ConfigureAwait(false);
        });
    }

    public async Task<EvidenceReceipt> AppendAsync(EvidenceDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await ensureReady.Value.ConfigureAwait(false);
        // Sealing (canonical JSON, ES256) is CPU work: done by the caller, in parallel, not by the agent's flusher.
        var content = await EvidenceEnvelopes.SealAsync(draft, signers.Records, cancellationToken).ConfigureAwait(false);
        var item = new Write(EvidenceLayout.RecordName(draft), draft.Sequence, content);
        pendingWrites.Enqueue(draft.AgentId, [item]);
        return await item.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvidence>> ListAsync(string agentId, string actionId, CancellationToken cancellationToken = default)
    {
        await ensureReady.Value.ConfigureAwait(false);
        var prefix = $"{EvidenceLayout.RecordsPrefix}{agentId}/{actionId}/";
        var records = new SortedDictionary<string, StoredEvidence>(StringComparer.Ordinal);
        // Batched records are found through the log (it holds their locations); first-layout ones by blob name.
        foreach (var entry in await log.FindAsync(agentId, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Location is { } location)
            {
                var bytes = await ReadAsync(location, cancellationToken).ConfigureAwait(false);
                records[entry.Record] = new StoredEvidence($"{container.Name}/{entry.Record}", EvidenceEnvelopes.RecordDigest(bytes), bytes);
            }
        }

        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            if (!records.ContainsKey(item.Name))
            {
                var download = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                var bytes = download.Value.Content.ToMemory();
                records[item.Name] = new StoredEvidence($"{container.Name}/{item.Name}", "sha256:" + Digest.Sha256Hex(bytes.Span), bytes);
            }
        }

        return [.. records.Values];
    }

    async Task<byte[]> ReadAsync(RecordLocation location, CancellationToken cancellationToken)
    {
        var download = await container.GetBlobClient(location.Batch)
            .DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(location.Offset, location.Length) }, cancellationToken)
            .ConfigureAwait(false);
        return download.Value.Content.ToArray();
    }

    async Task CommitAsync(string agentId, List<Write> batch)
    {
        // The same record twice in one batch (a retry racing its first attempt) is stored and logged once.
        var groups = batch.GroupBy(w => w.Name, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var name = EvidenceLayout.BatchName(agentId, time.GetUtcNow(), Guid.NewGuid());
        var buffer = new MemoryStream(groups.Sum(g => g[0].Content.Length + 1));
        var appends = new List<LogAppend>(groups.Count);
        foreach (var group in groups)
        {
            var content = group[0].Content;
            appends.Add(new LogAppend(group[0].Name, MerkleTree.LeafHash(content), new RecordLocation(name, buffer.Position, content.Length)));
            buffer.Write(content);
            buffer.WriteByte((byte)'\n');
        }

        // Stored first, then logged: a log entry never points at bytes that are not there (readers rely on it).
        await container.GetBlobClient(name).UploadAsync(
            new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)),
            new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
            }).ConfigureAwait(false);
        var results = await log.AppendBatchAsync(agentId, appends).ConfigureAwait(false);
        for (var i = 0; i < groups.Count; i++)
        {
            var result = results[i];
            var content = groups[i][0].Content;
            if (result.AlreadyLogged)
            {
                // Logged before: the first record stands, and its digest is the chain link.
                content = result.Location is { } first
                    ? await ReadAsync(first, CancellationToken.None).ConfigureAwait(false)
                    : (await container.GetBlobClient(groups[i][0].Name).DownloadContentAsync().ConfigureAwait(false)).Value.Content.ToArray();
            }

            var where = $"{container.Name}/{groups[i][0].Name}";
            var digest = EvidenceEnvelopes.RecordDigest(content);
            for (var j = 0; j < groups[i].Count; j++)
            {
                // Only the group's first write can be the stored one; a second in the same batch is a retry of it.
                var item = groups[i][j];
                item.Completion.TrySetResult(new EvidenceReceipt(where, digest, item.Sequence, result.Index, Existing: result.AlreadyLogged || j > 0));
            }
        }
    }

    sealed record Write(string Name, int Sequence, byte[] Content)
    {
        public TaskCompletionSource<EvidenceReceipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
