using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Orchestrations.Evidence;
using static AgentTrust.Tests.Evidence.EvidenceTestData;

namespace AgentTrust.Tests.Evidence;

public sealed class EvidenceCommandTests : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("agenttrust-evidence-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    async Task<string> WriteBundleAsync(bool tamper)
    {
        using var records = LocalEcdsaSigner.Generate();
        using var checkpoints = LocalEcdsaSigner.Generate();
        var log = await LogAsync(records, checkpoints, "classifier-01", 2, 3, 6);
        if (tamper)
        {
            var leaves = log.Leaves.ToList();
            leaves[2] = leaves[2] with { Content = Alter(leaves[2].Content!) };
            log = log with { Leaves = leaves };
        }

        var path = Path.Combine(directory, tamper ? "tampered.ndjson" : "bundle.ndjson");
        await using var file = File.Create(path);
        await EvidenceBundleFile.WriteAsync(await BundleAsync(records, checkpoints, log), file);
        return path;
    }

    [Fact]
    public async Task RunAsync_VerifyIntactBundle_ExitsZero()
    {
        var path = await WriteBundleAsync(tamper: false);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvidenceCommand.RunAsync(["verify", "--bundle", path], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Contains("evidence verified: 6 records", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_VerifyTamperedBundle_ExitsOneAndNamesTheFirstBadRecord()
    {
        var path = await WriteBundleAsync(tamper: true);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvidenceCommand.RunAsync(["verify", "--bundle", path], stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains("first bad record: log 'classifier-01', leaf 2, record 'records/classifier-01/act-0000/0001-decision.json'", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("verify", "--bundle")]
    [InlineData("verify", "--bundle", "a", "--connection-string", "b")]
    [InlineData("frobnicate")]
    [InlineData("verify", "--nope", "x")]
    public async Task RunAsync_BadArguments_ExitsTwoWithUsage(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvidenceCommand.RunAsync(args, stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("usage:", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingBundleFile_ExitsTwoWithError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvidenceCommand.RunAsync(["verify", "--bundle", Path.Combine(directory, "none.ndjson")], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("error:", stderr.ToString(), StringComparison.Ordinal);
    }
}
