using System.Globalization;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Evidence records as blobs, one per step: <c>{agent}/{action}/{sequence}-{kind}.json</c>, written with
/// If-None-Match: * so a retried activity finds the first record instead of writing a second.
/// </summary>
public sealed class BlobEvidenceStore : IEvidenceStore
{
    readonly BlobContainerClient container;
    readonly Lazy<Task> ensureContainer;

    public BlobEvidenceStore(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        container = clients.Blobs.GetBlobContainerClient(clients.Options.EvidenceContainerName);
        ensureContainer = new Lazy<Task>(() => container.CreateIfNotExistsAsync());
    }

    public async Task<EvidenceReceipt> AppendAsync(EvidenceDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await ensureContainer.Value.ConfigureAwait(false);
        var name = BlobName(draft);
        var blob = container.GetBlobClient(name);
        var content = CanonicalJson.Serialize(draft);
        var digest = "sha256:" + Digest.Sha256Hex(content);
        try
        {
            await blob.UploadAsync(
                new BinaryData(content),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    Metadata = new Dictionary<string, string> { ["digest"] = digest.Replace(':', '_') },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Written before (a retried activity): the first record stands, and its digest is the chain link.
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            digest = "sha256:" + Digest.Sha256Hex(existing.Value.Content.ToMemory().Span);
        }

        return new EvidenceReceipt($"{container.Name}/{name}", digest, draft.Sequence);
    }

    public async Task<IReadOnlyList<StoredEvidence>> ListAsync(string agentId, string actionId, CancellationToken cancellationToken = default)
    {
        await ensureContainer.Value.ConfigureAwait(false);
        var records = new List<StoredEvidence>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{agentId}/{actionId}/" }, cancellationToken).ConfigureAwait(false))
        {
            var download = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var bytes = download.Value.Content.ToMemory();
            records.Add(new StoredEvidence($"{container.Name}/{item.Name}", "sha256:" + Digest.Sha256Hex(bytes.Span), bytes));
        }

        return records;
    }

    static string BlobName(EvidenceDraft draft) =>
        string.Create(CultureInfo.InvariantCulture, $"{draft.AgentId}/{draft.ActionId}/{draft.Sequence:D4}-{draft.Kind}.json");
}
