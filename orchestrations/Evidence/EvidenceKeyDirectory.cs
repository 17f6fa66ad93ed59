using System.Text.Json;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Hashing;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Public keys published next to the evidence (<c>keys/{hash of key id}.json</c>), written once and never
/// replaced: after a rotation the old key is still there, so old records and checkpoints still verify.
/// </summary>
public sealed class EvidenceKeyDirectory(BlobContainerClient container)
{
    public async Task PublishAsync(ISigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var entry = await signer.GetPublicKeyAsync(cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(EvidenceLayout.KeyName(entry.KeyId));
        try
        {
            await blob.UploadAsync(
                new BinaryData(CanonicalJson.Serialize(entry, JsonDefaults.Options)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Published before: a key id names one key forever.
        }
    }

    public async Task<IReadOnlyList<PublicKeyEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<PublicKeyEntry>();
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return entries;
        }

        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = EvidenceLayout.KeysPrefix }, cancellationToken).ConfigureAwait(false))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var entry = JsonSerializer.Deserialize<PublicKeyEntry>(content.Value.Content.ToMemory().Span, JsonDefaults.Options);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }
}
