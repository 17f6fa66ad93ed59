using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Signs the tree heads of the agents' logs (<c>checkpoints/{agent}/{size}.json</c>). Key Vault signs one
/// checkpoint per log per run, not one signature per record, so evidence throughput is not capped by the
/// vault's signing limits. Run it on a timer (every minute, say) and on demand before an export.
/// </summary>
public sealed class EvidenceCheckpointer
{
    readonly BlobContainerClient container;
    readonly TableEvidenceLog log;
    readonly EvidenceSigners signers;
    readonly TimeProvider time;
    readonly EvidenceKeyDirectory keys;
    readonly Dictionary<string, MerkleTreeBuilder> trees = new(StringComparer.Ordinal);

    public EvidenceCheckpointer(StorageClients clients, TableEvidenceLog log, EvidenceSigners signers, TimeProvider time)
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
    }

    /// <summary>Checkpoints every log; returns the checkpoints written (logs that did not grow are skipped).</summary>
    public async Task<IReadOnlyList<Checkpoint>> CheckpointAllAsync(CancellationToken cancellationToken = default)
    {
        var written = new List<Checkpoint>();
        foreach (var logId in await log.LogIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var checkpoint = await CheckpointAsync(logId, cancellationToken).ConfigureAwait(false);
            if (checkpoint is not null)
            {
                written.Add(checkpoint);
            }
        }

        return written;
    }

    /// <summary>Signs the current head of one log; null when it is empty or already checkpointed at this size.</summary>
    public async Task<Checkpoint?> CheckpointAsync(string logId, CancellationToken cancellationToken = default)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // Size first: leaf entities are committed with the head, so every leaf below it is there and final.
        var size = await log.SizeAsync(logId, cancellationToken).ConfigureAwait(false);
        if (size == 0)
        {
            return null;
        }

        var blob = container.GetBlobClient(EvidenceLayout.CheckpointName(logId, size));
        if (await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        // The tree is kept between runs and extended with the new leaves only: a checkpoint costs the leaves
        // added since the last one, not the whole log.
        MerkleTreeBuilder builder;
        lock (trees)
        {
            builder = trees.TryGetValue(logId, out var kept) && kept.Size <= size ? kept.Clone() : new MerkleTreeBuilder();
        }

        var entries = await log.ReadAsync(logId, builder.Size, cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            if (entry.Index >= size)
            {
                break;
            }

            if (entry.Index != builder.Size)
            {
                throw new InvalidOperationException($"Evidence log '{logId}' has no leaf {builder.Size}; it was tampered with.");
            }

            builder.Append(Convert.FromHexString(entry.LeafHash));
        }

        if (builder.Size != size)
        {
            throw new InvalidOperationException($"Evidence log '{logId}' holds {builder.Size} leaves but its head says {size}.");
        }

        lock (trees)
        {
            trees[logId] = builder.Clone();
        }

        await keys.PublishAsync(signers.Checkpoints, cancellationToken).ConfigureAwait(false);
        var checkpoint = await CheckpointSigning.SignAsync(signers.Checkpoints, logId, size, builder.Root(), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        try
        {
            await blob.UploadAsync(
                new BinaryData(CanonicalJson.Serialize(checkpoint, JsonDefaults.Options)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }

        return checkpoint;
    }
}
