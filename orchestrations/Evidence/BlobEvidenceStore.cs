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
/// Evidence records as signed DSSE envelopes (canonical JSON), one blob per step at
/// <c>records/{agent}/{action}/{sequence}-{kind}.json</c>, each appended to the agent's Merkle log. The blob is
/// written with If-None-Match: * and the log is keyed by record name, so a retried activity finds the first
/// record and its leaf instead of writing a second.
/// </summary>
public sealed class BlobEvidenceStore : IEvidenceStore
{
    readonly BlobContainerClient container;
    readonly TableEvidenceLog log;
    readonly EvidenceSigners signers;
    readonly EvidenceKeyDirectory keys;
    readonly Lazy<Task> ensureReady;

    public BlobEvidenceStore(StorageClients clients, TableEvidenceLog log, EvidenceSigners signers)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(signers);
        container = clients.Blobs.GetBlobContainerClient(clients.Options.EvidenceContainerName);
        this.log = log;
        this.signers = signers;
        keys = new EvidenceKeyDirectory(container);
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
        var name = EvidenceLayout.RecordName(draft);
        var blob = container.GetBlobClient(name);
        var content = await EvidenceEnvelopes.SealAsync(draft, signers.Records, cancellationToken).ConfigureAwait(false);
        try
        {
            await blob.UploadAsync(
                new BinaryData(content),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Written before (a retried activity): the first record stands, and its digest is the chain link.
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            content = existing.Value.Content.ToArray();
        }

        var leafIndex = await log.AppendAsync(draft.AgentId, name, MerkleTree.LeafHash(content), cancellationToken).ConfigureAwait(false);
        return new EvidenceReceipt($"{container.Name}/{name}", EvidenceEnvelopes.RecordDigest(content), draft.Sequence, leafIndex);
    }

    public async Task<IReadOnlyList<StoredEvidence>> ListAsync(string agentId, string actionId, CancellationToken cancellationToken = default)
    {
        await ensureReady.Value.ConfigureAwait(false);
        var records = new List<StoredEvidence>();
        var prefix = $"{EvidenceLayout.RecordsPrefix}{agentId}/{actionId}/";
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            var download = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var bytes = download.Value.Content.ToMemory();
            records.Add(new StoredEvidence($"{container.Name}/{item.Name}", "sha256:" + Digest.Sha256Hex(bytes.Span), bytes));
        }

        return records;
    }
}
