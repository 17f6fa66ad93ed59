using System.Text;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Lanes;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Pacts.Loading;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Tests.Evidence;
using AgentTrust.Tests.Pacts;
using FsCheck.Xunit;

namespace AgentTrust.Tests.Reliability;

/// <summary>
/// The inputs that are files or tokens rather than request bodies: pacts (YAML and JSON) given to the loader,
/// evidence bundles given to the verifier, and approval link tokens. Mutated copies of real ones never crash the
/// reader (only the documented <see cref="FormatException"/> for a bundle), never load a broken pact without an
/// error that names a field, never let altered evidence verify, and never let an altered token through with claims
/// other than the ones signed.
/// </summary>
public sealed class HostileFilePropertyTests
{
    const int Runs = 300;

    static readonly string[] PactTexts = [.. Lanes.All.Select(l => File.ReadAllText(PactFiles.PathOf($"{l}.pact.yaml")))];

    static readonly byte[][] PactJson = [.. PactTexts.Select(t => Encoding.UTF8.GetBytes(new YamlJsonReader().Read(t)!.ToJsonString()))];

    static readonly Lazy<(byte[] File, HashSet<string> Contents)> Bundle = new(BuildBundle);

    static (byte[] File, HashSet<string> Contents) BuildBundle()
    {
        using var records = LocalEcdsaSigner.Generate();
        using var checkpoints = LocalEcdsaSigner.Generate();
        var log = EvidenceTestData.LogAsync(records, checkpoints, "classifier-01", 3, 4, 6, 12).GetAwaiter().GetResult();
        var bundle = EvidenceTestData.BundleAsync(records, checkpoints, log).GetAwaiter().GetResult();
        using var stream = new MemoryStream();
        EvidenceBundleFile.WriteAsync(bundle, stream).GetAwaiter().GetResult();
        return (stream.ToArray(), [.. log.Leaves.Select(l => l.Name + "|" + Convert.ToBase64String(l.Content!))]);
    }

    [Property(MaxTest = Runs)]
    public bool PactLoad_MutatedYamlText_NeverThrowsAndEveryErrorNamesAField(int seed, int[] ops, string[] texts)
    {
        var text = Encoding.UTF8.GetString(InputMutator.Bytes(Encoding.UTF8.GetBytes(PactTexts[Math.Abs(seed % PactTexts.Length)]), ops ?? [], texts ?? []));

        return Consistent(PactLoader.Load(text, "fuzz.pact.yaml"));
    }

    [Property(MaxTest = Runs)]
    public bool PactLoad_MutatedJsonStructure_NeverThrowsAndEveryErrorNamesAField(int seed, int[] ops, string[] texts)
    {
        var json = InputMutator.Json(PactJson[Math.Abs(seed % PactJson.Length)], ops ?? [], texts ?? []);

        var result = PactLoader.Load(Encoding.UTF8.GetString(json), "fuzz.pact.json");

        // A loaded pact compiles, so it can be evaluated; evaluation of a compiled pact never throws.
        return Consistent(result) && (result.Pact is null || CelPactCompiler.CompileUncached(result.Pact).Pact == result.Pact);
    }

    static bool Consistent(PactLoadResult result) =>
        result.Succeeded
            ? result.Errors.Count == 0
            : result.Pact is null && result.Errors.Count > 0 && result.Errors.All(e => !string.IsNullOrEmpty(e.Field) && !string.IsNullOrEmpty(e.Message));

    [Property(MaxTest = Runs)]
    public bool VerifyBundle_MutatedFile_OnlyFormatExceptionAndAlteredRecordsNeverVerify(bool jsonLevel, int[] ops, string[] texts)
    {
        var (file, originals) = Bundle.Value;
        byte[] mutated;
        if (jsonLevel)
        {
            var lines = Encoding.UTF8.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var pick = ops is { Length: > 0 } ? Math.Abs(ops[0] % lines.Length) : 0;
            lines[pick] = Encoding.UTF8.GetString(InputMutator.Json(Encoding.UTF8.GetBytes(lines[pick]), ops ?? [], texts ?? []));
            mutated = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }
        else
        {
            mutated = InputMutator.Bytes(file, ops ?? [], texts ?? []);
        }

        EvidenceBundle bundle;
        try
        {
            using var stream = new MemoryStream(mutated);
            bundle = EvidenceBundleFile.ReadAsync(stream).GetAwaiter().GetResult();
        }
        catch (FormatException ex)
        {
            return ex.Message.Length > 0;
        }

        var report = new EvidenceVerifier(verifyAllSignatures: true).Verify(bundle);

        // Valid means every record is one that was signed, unchanged (records cut from the unsealed tail may be gone).
        return !report.Valid || bundle.Logs.SelectMany(l => l.Leaves.Concat(l.Unlogged)).All(r => r.Content is not null && originals.Contains(r.Name + "|" + Convert.ToBase64String(r.Content)));
    }

    /// <summary>Found by the fuzzer: a key line whose keyId was renamed away threw ArgumentNullException from the key ring.</summary>
    [Theory]
    [InlineData("keyId")]
    [InlineData("publicKey")]
    public async Task ReadBundle_KeyWithoutAMember_FormatExceptionNamingTheLine(string member)
    {
        var lines = Encoding.UTF8.GetString(Bundle.Value.File).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(lines, l => l.Contains("\"type\":\"key\"", StringComparison.Ordinal));
        lines[at] = lines[at].Replace($"\"{member}\"", "\"a\"", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var error = await Assert.ThrowsAsync<FormatException>(() => EvidenceBundleFile.ReadAsync(stream));

        Assert.Contains($"line {at + 1}", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = Runs)]
    public bool ApprovalToken_Mutated_NeverAcceptedWithOtherClaims(int[] ops, string[] texts, bool approve)
    {
        var tokens = new ApprovalTokens(new byte[32], TimeProvider.System);
        var claims = new ApprovalTokenClaims(
            "act-0123456789abcdef0123456789abcdef", "sha256:" + new string('a', 64), "lead@example.com",
            approve ? ApprovalTokenClaims.Approve : ApprovalTokenClaims.Reject, DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), ApprovalTokens.NewNonce());
        var token = tokens.Issue(claims);
        var mutated = Encoding.UTF8.GetString(InputMutator.Bytes(Encoding.ASCII.GetBytes(token), ops ?? [], texts ?? []));

        var check = tokens.Check(mutated);

        return check.Refusal is not null || check.Claims == claims;
    }
}
