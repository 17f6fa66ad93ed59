using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// <c>GET /api/evidence/record?name=records/{agent}/{action}/{nnnn}-{kind}.json</c>: everything a browser needs to
/// check a record on its own: the record's exact bytes, its leaf index in the agent's Merkle log, the latest signed
/// checkpoint of that log, the RFC 9162 inclusion proof from the leaf to that checkpoint's root, and the published
/// public keys. It vouches for nothing itself: the console verifies the DSSE signature, the path and the checkpoint
/// signature with WebCrypto. Changes nothing (a record newer than the latest checkpoint is reported, not checkpointed).
/// </summary>
public sealed partial class GetEvidenceRecordHandler(StorageClients clients, TableEvidenceLog log, IEvidenceStore evidence, ConsoleSignIn signIn)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (signIn.RefuseAnonymousRead(request) is { } refused)
        {
            return refused;
        }

        var container = clients.Blobs.GetBlobContainerClient(clients.Options.EvidenceContainerName);
        var name = request.Query("name") ?? string.Empty;
        // Receipts name records with their container in front (evidence/records/...); both spellings are accepted.
        if (name.StartsWith(container.Name + "/", StringComparison.Ordinal))
        {
            name = name[(container.Name.Length + 1)..];
        }

        var match = RecordName().Match(name);
        if (!match.Success)
        {
            return Problems.Validation(request, "The query has errors.", [new FieldError("name", "must name a record: records/{agent}/{action}/{nnnn}-{kind}.json")]);
        }

        var agent = match.Groups["agent"].Value;
        // Through the store, not the blob of that name: records are stored in batches, found through the log.
        var stored = (await evidence.ListAsync(agent, match.Groups["action"].Value, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => string.Equals(r.Location, container.Name + "/" + name, StringComparison.Ordinal));
        if (stored is null)
        {
            return Problems.NotFound(request, $"There is no evidence record '{name}'.");
        }

        var record = stored.Content.ToArray();

        var index = await log.IndexOfAsync(agent, name, cancellationToken).ConfigureAwait(false);
        var checkpoint = await LatestCheckpointAsync(container, agent, cancellationToken).ConfigureAwait(false);
        var keys = await new EvidenceKeyDirectory(container).ReadAllAsync(cancellationToken).ConfigureAwait(false);
        string status;
        string? leafHash = null;
        IReadOnlyList<byte[]>? proof = null;
        if (index is null)
        {
            status = "not-logged";
        }
        else if (checkpoint is null || checkpoint.TreeSize <= index)
        {
            status = "not-checkpointed";
        }
        else
        {
            // The leaves up to the checkpoint's size: the tree it signed, whatever was appended since.
            var entries = await log.ReadAsync(agent, 0, cancellationToken).ConfigureAwait(false);
            var leaves = entries.TakeWhile(e => e.Index < checkpoint.TreeSize).Select(e => Convert.FromHexString(e.LeafHash)).ToList();
            if (leaves.Count != checkpoint.TreeSize)
            {
                return Problems.Create(request, 409, "evidence-log-incomplete", "The evidence log does not match its checkpoint", $"Log '{agent}' holds {leaves.Count} leaves below checkpoint size {checkpoint.TreeSize}.");
            }

            leafHash = entries[(int)index.Value].LeafHash;
            proof = MerkleTree.InclusionProof(leaves, index.Value, checkpoint.TreeSize);
            status = "checkpointed";
        }

        return ApiResponse.Json(200, new
        {
            name,
            status,
            record = Convert.ToBase64String(record),
            recordDigest = EvidenceEnvelopes.RecordDigest(record),
            leafIndex = index,
            leafHash,
            inclusionProof = proof?.Select(Convert.ToBase64String),
            checkpoint = checkpoint is null ? null : new
            {
                checkpoint.Origin,
                checkpoint.TreeSize,
                checkpoint.RootHash,
                // Exactly as signed (Checkpoint.NoteBody): the browser rebuilds the note from these fields.
                timestamp = checkpoint.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                checkpoint.KeyId,
                checkpoint.Algorithm,
                checkpoint.Signature,
            },
            keys,
        }) with
        {
            Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" },
        };
    }

    static async Task<Checkpoint?> LatestCheckpointAsync(BlobContainerClient container, string agent, CancellationToken cancellationToken)
    {
        // Checkpoint names carry the tree size zero-padded, so the last name listed is the largest tree.
        string? latest = null;
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{EvidenceLayout.CheckpointsPrefix}{agent}/" }, cancellationToken).ConfigureAwait(false))
        {
            latest = item.Name;
        }

        if (latest is null)
        {
            return null;
        }

        var content = await container.GetBlobClient(latest).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<Checkpoint>(content.Value.Content.ToMemory().Span, JsonDefaults.Options);
    }

    [GeneratedRegex(@"^records/(?<agent>[A-Za-z0-9][A-Za-z0-9._-]{0,127})/(?<action>[A-Za-z0-9][A-Za-z0-9._:-]{0,127})/[0-9]{4}-[a-z-]{1,40}\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordName();
}
