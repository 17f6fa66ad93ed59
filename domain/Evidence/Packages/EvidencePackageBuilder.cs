using System.Security.Cryptography;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Evidence.Packages;

/// <summary>
/// Assembles a compliance evidence package: the report files, the evidence records behind them (exact stored bytes),
/// an inclusion proof per record up to its log's newest signed checkpoint, the public keys, and a manifest of every
/// file's SHA-256 signed by the given signer (the evidence checkpoint key).
/// </summary>
public static class EvidencePackageBuilder
{
    /// <param name="reportFiles">Report files by relative path (e.g. <c>report.html</c>, <c>charts/x.png</c>).</param>
    /// <param name="recordNames">The records behind the report (<c>records/…</c> names, as in the log).</param>
    public static async Task<IReadOnlyDictionary<string, byte[]>> BuildAsync(
        string period,
        DateTimeOffset periodStart,
        DateTimeOffset periodEnd,
        IReadOnlyDictionary<string, byte[]> reportFiles,
        EvidenceBundle bundle,
        IEnumerable<string> recordNames,
        ISigner signer,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reportFiles);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(recordNames);
        ArgumentNullException.ThrowIfNull(signer);
        var files = new SortedDictionary<string, byte[]>(reportFiles.ToDictionary(), StringComparer.Ordinal);
        var wanted = new HashSet<string>(recordNames, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in bundle.Logs)
        {
            var inLog = log.Leaves.Concat(log.Unlogged).Where(r => wanted.Contains(r.Name) && r.Content is not null).ToList();
            if (inLog.Count == 0)
            {
                continue;
            }

            // The newest checkpoint vouches for the most records; proofs are computed against its tree size.
            var checkpoint = log.Checkpoints.Where(c => c.TreeSize <= log.Leaves.Count).MaxBy(c => c.TreeSize);
            var leafHashes = checkpoint is null ? [] : log.Leaves.Take((int)checkpoint.TreeSize).Select(LeafHashOf).ToList();
            foreach (var record in inLog)
            {
                cancellationToken.ThrowIfCancellationRequested();
                found.Add(record.Name);
                files[PackageManifest.RecordPath(record.Name)] = record.Content!;
                if (checkpoint is not null && record.Index is { } index && index < checkpoint.TreeSize)
                {
                    var path = MerkleTree.InclusionProof(leafHashes, index, checkpoint.TreeSize);
                    var proof = new RecordInclusionProof(record.Name, log.LogId, index, Convert.ToHexStringLower(leafHashes[(int)index]), checkpoint, [.. path.Select(Convert.ToBase64String)]);
                    files[PackageManifest.ProofPath(record.Name)] = JsonSerializer.SerializeToUtf8Bytes(proof, JsonDefaults.Options);
                }
            }
        }

        if (wanted.Except(found).FirstOrDefault() is { } missing)
        {
            throw new InvalidOperationException($"The report rests on record '{missing}', which the evidence does not hold.");
        }

        var keys = new List<PublicKeyEntry>(bundle.Keys);
        var own = await signer.GetPublicKeyAsync(cancellationToken).ConfigureAwait(false);
        if (!keys.Exists(k => k.KeyId == own.KeyId))
        {
            keys.Add(own);
        }

        files[PackageManifest.KeysFileName] = JsonSerializer.SerializeToUtf8Bytes(keys.OrderBy(k => k.KeyId, StringComparer.Ordinal).ToList(), JsonDefaults.Options);
        var manifest = new PackageManifest(
            PackageManifest.CurrentFormat, period, periodStart, periodEnd, createdAt,
            [.. files.Select(f => new PackageFile(f.Key, Convert.ToHexStringLower(SHA256.HashData(f.Value)), f.Value.LongLength))]);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Indented);
        var signature = await signer.SignAsync(manifestBytes, cancellationToken).ConfigureAwait(false);
        files[PackageManifest.FileName] = manifestBytes;
        files[PackageManifest.SignatureFileName] = JsonSerializer.SerializeToUtf8Bytes(new PackageSignature(signer.KeyId, signer.Algorithm, Convert.ToBase64String(signature)), Indented);
        return files;
    }

    static readonly JsonSerializerOptions Indented = new(JsonDefaults.Options) { WriteIndented = true };

    static byte[] LeafHashOf(BundledRecord record) =>
        record.Content is { } content ? MerkleTree.LeafHash(content) : Convert.FromHexString(record.LeafHash ?? new string('0', MerkleTree.HashSize * 2));
}
