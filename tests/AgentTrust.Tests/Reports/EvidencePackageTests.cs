using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Packages;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Tests.Reports;

/// <summary>Compliance packages built from a signed in-memory log: verify passes, and each kind of tampering is named.</summary>
public sealed class EvidencePackageTests : IDisposable
{
    static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    readonly LocalEcdsaSigner records = LocalEcdsaSigner.Generate();
    readonly LocalEcdsaSigner checkpoints = LocalEcdsaSigner.Generate();

    async Task<(EvidenceBundle Bundle, List<string> Names)> LogAsync(int count, int checkpointAt)
    {
        var leaves = new List<BundledRecord>();
        var builder = new MerkleTreeBuilder();
        Checkpoint? checkpoint = null;
        for (var i = 0; i < count; i++)
        {
            var draft = new EvidenceDraft($"act-{i}", 0, EvidenceKinds.Decision, "agent-1", "incident-classification", "servicenow", "INC1", "sha256:x", null,
                T0.AddMinutes(i), JsonDocument.Parse("{\"pactHash\":\"h\",\"record\":{\"kind\":\"auto-apply\",\"reasons\":[],\"pactHash\":\"h\",\"pactVersion\":1}}").RootElement);
            var content = await EvidenceEnvelopes.SealAsync(draft, records);
            var leaf = MerkleTree.LeafHash(content);
            builder.Append(leaf);
            leaves.Add(new BundledRecord(i, EvidenceRecordNames.For(draft), Convert.ToHexStringLower(leaf), content));
            if (i + 1 == checkpointAt)
            {
                checkpoint = await CheckpointSigning.SignAsync(checkpoints, "agent-1", checkpointAt, builder.Root(), T0.AddHours(1));
            }
        }

        var keys = new List<PublicKeyEntry> { await records.GetPublicKeyAsync(), await checkpoints.GetPublicKeyAsync() };
        return (new EvidenceBundle(keys, [new EvidenceLogBundle("agent-1", leaves, checkpoint is null ? [] : [checkpoint], [])]), [.. leaves.Select(l => l.Name)]);
    }

    async Task<Dictionary<string, byte[]>> PackageAsync(int count = 7, int checkpointAt = 7)
    {
        var (bundle, names) = await LogAsync(count, checkpointAt);
        var report = new Dictionary<string, byte[]> { ["report.html"] = Encoding.UTF8.GetBytes("<html>7 decisions</html>") };
        var files = await EvidencePackageBuilder.BuildAsync("2026-W47", T0, T0.AddDays(7), report, bundle, names.Take(5), checkpoints, T0.AddDays(8));
        return files.ToDictionary();
    }

    [Fact]
    public async Task Verify_UntouchedPackage_FilesRecordsAndProofsVerify()
    {
        var files = await PackageAsync();

        var result = new EvidencePackageVerifier().Verify(files);

        Assert.True(result.Valid, string.Join("\n", result.Problems));
        Assert.Equal(5, result.RecordsVerified);
        Assert.Equal(5, result.ProofsVerified);
        Assert.Equal(files.Count - 2, result.FilesVerified);
        Assert.Contains(result.Notes, n => n.Contains("integrity, not origin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_RecordsAfterTheCheckpoint_NoProofButNotedAndSignatureChecked()
    {
        var files = await PackageAsync(checkpointAt: 3);

        var result = new EvidencePackageVerifier().Verify(files);

        Assert.True(result.Valid, string.Join("\n", result.Problems));
        Assert.Equal(3, result.ProofsVerified);
        Assert.Contains(result.Notes, n => n.StartsWith("2 record(s) have no inclusion proof", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AlteredRecord_NamesTheRecordFirst()
    {
        var files = await PackageAsync();
        var path = files.Keys.First(p => p.StartsWith(PackageManifest.RecordsFolder, StringComparison.Ordinal));
        files[path] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files[path]).Replace("\"payload\":\"", "\"payload\":\"e", StringComparison.Ordinal));

        var result = new EvidencePackageVerifier().Verify(files);

        Assert.False(result.Valid);
        Assert.Equal(path, result.Problems[0].File);
        Assert.Contains("altered", result.Problems[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ManifestRewrittenToMatchAlteredReport_SignatureFails()
    {
        var files = await PackageAsync();
        files["report.html"] = Encoding.UTF8.GetBytes("<html>0 decisions</html>");
        var manifest = JsonSerializer.Deserialize<PackageManifest>(files[PackageManifest.FileName], JsonDefaults.Options)!;
        var rewritten = manifest with
        {
            Files = [.. manifest.Files.Select(f => f.Path == "report.html"
                ? f with { Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files["report.html"])), Size = files["report.html"].Length }
                : f)],
        };
        files[PackageManifest.FileName] = JsonSerializer.SerializeToUtf8Bytes(rewritten, JsonDefaults.Options);

        var result = new EvidencePackageVerifier().Verify(files);

        Assert.Equal(PackageManifest.FileName, Assert.Single(result.Problems).File);
        Assert.Contains("signature", result.Problems[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MissingFile_NamedAndVerifiesOnceRestored()
    {
        var files = await PackageAsync();
        var proofs = files.Keys.Where(p => p.StartsWith(PackageManifest.ProofsFolder, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var report = files["report.html"];
        files.Remove("report.html");

        var result = new EvidencePackageVerifier().Verify(files);

        Assert.Contains(result.Problems, p => p.File == "report.html" && p.Reason.Contains("missing", StringComparison.Ordinal));
        files["report.html"] = report;
        Assert.True(new EvidencePackageVerifier().Verify(files).Valid);
        Assert.Equal(5, proofs.Count);
    }

    [Fact]
    public async Task Verify_TrustedKeysWithoutTheSigner_ManifestRefused()
    {
        var files = await PackageAsync();
        using var other = LocalEcdsaSigner.Generate();
        using var trusted = new KeyRing([await other.GetPublicKeyAsync()]);

        var result = new EvidencePackageVerifier(trusted).Verify(files);

        Assert.Equal(PackageManifest.FileName, result.Problems[0].File);
    }

    public void Dispose()
    {
        records.Dispose();
        checkpoints.Dispose();
    }
}
