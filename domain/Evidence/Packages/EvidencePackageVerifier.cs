using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Evidence.Packages;

/// <summary>
/// Verifies a compliance evidence package offline: the manifest's signature; every file against its SHA-256 in the
/// manifest (a changed, missing or added file is named); and every evidence record: stored under its own name, its
/// DSSE signature, and its inclusion proof up to the root of a signed checkpoint of its agent's log.
/// </summary>
public sealed class EvidencePackageVerifier(KeyRing? trustedKeys = null)
{
    /// <param name="files">Every file of the package by relative path (forward slashes).</param>
    public PackageVerificationReport Verify(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<PackageProblem>();
        var notes = new List<string>();
        if (!files.TryGetValue(PackageManifest.FileName, out var manifestBytes))
        {
            return Fail(PackageManifest.FileName, "the package has no manifest");
        }

        if (!files.TryGetValue(PackageManifest.SignatureFileName, out var signatureBytes))
        {
            return Fail(PackageManifest.SignatureFileName, "the manifest is not signed (signature file missing)");
        }

        PackageManifest manifest;
        PackageSignature signature;
        try
        {
            manifest = JsonSerializer.Deserialize<PackageManifest>(manifestBytes, JsonDefaults.Options) ?? throw new JsonException("empty");
            signature = JsonSerializer.Deserialize<PackageSignature>(signatureBytes, JsonDefaults.Options) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            return Fail(PackageManifest.FileName, "manifest or signature is not valid JSON: " + ex.Message);
        }

        if (manifest.Format != PackageManifest.CurrentFormat)
        {
            return Fail(PackageManifest.FileName, $"unknown package format '{manifest.Format}'");
        }

        using var packagedKeys = trustedKeys is null ? ReadKeys(files, problems) : null;
        var keys = trustedKeys ?? packagedKeys;
        if (keys is null)
        {
            return new PackageVerificationReport(0, 0, 0, problems, notes);
        }

        if (trustedKeys is null)
        {
            notes.Add("public keys were taken from the package itself: this proves integrity, not origin; pass trusted keys to prove who signed");
        }

        if (!Verifies(keys, signature, manifestBytes))
        {
            problems.Add(new PackageProblem(PackageManifest.FileName, $"the manifest's signature by '{signature.KeyId}' does not verify (manifest altered, or signed by another key)"));
        }

        // Every file against the manifest: altered, missing, or added.
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var filesVerified = 0;
        foreach (var file in manifest.Files)
        {
            listed.Add(file.Path);
            if (!files.TryGetValue(file.Path, out var content))
            {
                problems.Add(new PackageProblem(file.Path, "listed in the manifest but missing (removed)"));
            }
            else if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), file.Sha256, StringComparison.OrdinalIgnoreCase) || content.LongLength != file.Size)
            {
                problems.Add(new PackageProblem(file.Path, "its SHA-256 does not match the manifest (altered)"));
            }
            else
            {
                filesVerified++;
            }
        }

        foreach (var path in files.Keys.Where(p => p is not PackageManifest.FileName and not PackageManifest.SignatureFileName && !listed.Contains(p)).Order(StringComparer.Ordinal))
        {
            problems.Add(new PackageProblem(path, "not in the manifest (added)"));
        }

        // Records: placement, signature, inclusion proof.
        var records = 0;
        var proofs = 0;
        var unproven = 0;
        foreach (var (path, content) in files.Where(f => f.Key.StartsWith(PackageManifest.RecordsFolder, StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var name = EvidenceRecordNames.Prefix + path[PackageManifest.RecordsFolder.Length..];
            var problem = CheckRecord(name, content, keys, out var agent);
            if (problem is not null)
            {
                problems.Add(new PackageProblem(path, problem));
                continue;
            }

            records++;
            var proofPath = PackageManifest.ProofPath(name);
            if (!files.TryGetValue(proofPath, out var proofBytes))
            {
                unproven++;
                continue;
            }

            var proofProblem = CheckProof(name, agent!, content, proofBytes, keys);
            if (proofProblem is not null)
            {
                problems.Add(new PackageProblem(proofPath, proofProblem));
            }
            else
            {
                proofs++;
            }
        }

        if (unproven > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unproven} record(s) have no inclusion proof (no signed checkpoint covered them yet): they rest on their own signatures"));
        }

        return new PackageVerificationReport(filesVerified, records, proofs, problems, notes);

        PackageVerificationReport Fail(string file, string reason) => new(0, 0, 0, [new PackageProblem(file, reason)], notes);
    }

    static KeyRing? ReadKeys(IReadOnlyDictionary<string, byte[]> files, List<PackageProblem> problems)
    {
        if (!files.TryGetValue(PackageManifest.KeysFileName, out var bytes))
        {
            problems.Add(new PackageProblem(PackageManifest.KeysFileName, "the package has no public keys and none were given"));
            return null;
        }

        try
        {
            return new KeyRing(JsonSerializer.Deserialize<List<PublicKeyEntry>>(bytes, JsonDefaults.Options) ?? []);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or CryptographicException)
        {
            problems.Add(new PackageProblem(PackageManifest.KeysFileName, "the public keys cannot be read: " + ex.Message));
            return null;
        }
    }

    static bool Verifies(KeyRing keys, PackageSignature signature, byte[] manifest)
    {
        try
        {
            return keys.Verify(signature.KeyId, signature.Algorithm, manifest, Convert.FromBase64String(signature.Signature));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    static string? CheckRecord(string name, byte[] content, KeyRing keys, out string? agent)
    {
        agent = null;
        OpenedEvidence opened;
        try
        {
            opened = EvidenceEnvelopes.Open(content);
        }
        catch (FormatException ex)
        {
            return "not a valid evidence record: " + ex.Message;
        }

        if (!string.Equals(EvidenceRecordNames.For(opened.Draft), name, StringComparison.Ordinal))
        {
            return $"the record states it is '{EvidenceRecordNames.For(opened.Draft)}' (moved or renamed)";
        }

        if (!EvidenceEnvelopes.VerifySignatures(opened, keys, out var problem))
        {
            return problem + " (altered or forged)";
        }

        agent = opened.Draft.AgentId;
        return null;
    }

    static string? CheckProof(string name, string agent, byte[] content, byte[] proofBytes, KeyRing keys)
    {
        RecordInclusionProof? proof;
        try
        {
            proof = JsonSerializer.Deserialize<RecordInclusionProof>(proofBytes, JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            return "the inclusion proof is not valid JSON: " + ex.Message;
        }

        if (proof is null || proof.Record != name || proof.Log != agent)
        {
            return "the inclusion proof is for another record or log";
        }

        var leaf = MerkleTree.LeafHash(content);
        if (!string.Equals(Convert.ToHexStringLower(leaf), proof.LeafHash, StringComparison.OrdinalIgnoreCase))
        {
            return "the record's leaf hash is not the one the proof names";
        }

        if (proof.Checkpoint.Origin != Checkpoint.OriginFor(proof.Log) || !CheckpointSigning.Verify(proof.Checkpoint, keys))
        {
            return $"the checkpoint of size {proof.Checkpoint.TreeSize} is not signed for log '{proof.Log}'";
        }

        try
        {
            var path = proof.AuditPath.Select(Convert.FromBase64String).ToList();
            return MerkleTree.VerifyInclusion(leaf, proof.Index, proof.Checkpoint.TreeSize, path, Convert.FromBase64String(proof.Checkpoint.RootHash))
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"the record is not leaf {proof.Index} under the signed checkpoint of size {proof.Checkpoint.TreeSize}");
        }
        catch (FormatException)
        {
            return "the audit path is not base64";
        }
    }
}
