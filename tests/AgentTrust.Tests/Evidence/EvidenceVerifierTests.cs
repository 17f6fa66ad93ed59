using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using static AgentTrust.Tests.Evidence.EvidenceTestData;

namespace AgentTrust.Tests.Evidence;

public sealed class EvidenceVerifierTests : IDisposable
{
    const string Agent = "classifier-01";
    readonly LocalEcdsaSigner records = LocalEcdsaSigner.Generate();
    readonly LocalEcdsaSigner checkpoints = LocalEcdsaSigner.Generate();

    public void Dispose()
    {
        records.Dispose();
        checkpoints.Dispose();
    }

    // Three actions of four steps, interleaved: leaf = step * 3 + action.
    Task<EvidenceLogBundle> Log(params long[] checkpointSizes) => LogAsync(records, checkpoints, Agent, 3, 4, checkpointSizes);

    async Task<EvidenceVerificationReport> VerifyAsync(EvidenceLogBundle log, bool all = false) =>
        new EvidenceVerifier(verifyAllSignatures: all).Verify(await BundleAsync(records, checkpoints, log));

    static EvidenceLogBundle Replace(EvidenceLogBundle log, int index, BundledRecord record)
    {
        var leaves = log.Leaves.ToList();
        leaves[index] = record;
        return log with { Leaves = leaves };
    }

    [Fact]
    public async Task Verify_UntouchedLog_IsValid()
    {
        var report = await VerifyAsync(await Log(5, 12));

        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(12, report.RecordsVerified);
        Assert.Equal(2, report.CheckpointsVerified);
        Assert.Equal(0, report.SignaturesVerified);
    }

    [Fact]
    public async Task Verify_AllSignaturesRequested_ChecksEveryRecordSignature()
    {
        var report = await VerifyAsync(await Log(12), all: true);

        Assert.True(report.Valid);
        Assert.Equal(12, report.SignaturesVerified);
    }

    [Fact]
    public async Task Verify_TailAfterLastCheckpoint_ChecksTheTailSignaturesAndNotesIt()
    {
        var report = await VerifyAsync(await Log(8));

        Assert.True(report.Valid);
        Assert.Equal(4, report.SignaturesVerified);
        Assert.Contains(report.Notes, n => n.Contains("4 record(s) after the latest matching checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AlteredRecord_NamesItAsTheFirstBadRecord()
    {
        var log = await Log(12);
        var victim = log.Leaves[4];
        log = Replace(log, 4, victim with { Content = Alter(victim.Content!) });

        var report = await VerifyAsync(log);

        Assert.False(report.Valid);
        Assert.Equal(4, report.FirstProblem!.LeafIndex);
        Assert.Equal(victim.Name, report.FirstProblem.Record);
        Assert.Contains("altered", report.FirstProblem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AlteredRecordWithLogRewrittenToMatch_SignatureNamesIt()
    {
        var log = await Log(12);
        var victim = log.Leaves[7];
        var altered = Alter(victim.Content!);
        log = Replace(log, 7, victim with { Content = altered, LeafHash = LeafHashOf(altered) });

        var report = await VerifyAsync(log);

        Assert.False(report.Valid);
        Assert.Equal(7, report.FirstProblem!.LeafIndex);
        Assert.Contains("does not verify", report.FirstProblem.Reason, StringComparison.Ordinal);
        Assert.Contains(report.Problems, p => p.Reason.Contains("signed checkpoint of size 12 does not match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_AlteredRecordInUncheckpointedTail_SignatureNamesIt()
    {
        var log = await Log(6);
        var victim = log.Leaves[9];
        var altered = Alter(victim.Content!);
        log = Replace(log, 9, victim with { Content = altered, LeafHash = LeafHashOf(altered) });

        var report = await VerifyAsync(log);

        Assert.Equal(9, report.FirstProblem!.LeafIndex);
        Assert.Contains("does not verify", report.FirstProblem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RemovedRecord_NamesTheMissingRecord()
    {
        var log = await Log(12);
        log = Replace(log, 5, log.Leaves[5] with { Content = null });

        var report = await VerifyAsync(log);

        Assert.Equal(5, report.FirstProblem!.LeafIndex);
        Assert.Contains("missing", report.FirstProblem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordsSwappedBetweenNames_NamesTheFirstSwapped()
    {
        var log = await Log(12);
        var (first, second) = (log.Leaves[1], log.Leaves[4]);
        log = Replace(Replace(log, 1, first with { Content = second.Content }), 4, second with { Content = first.Content });

        var report = await VerifyAsync(log);

        Assert.Equal(1, report.FirstProblem!.LeafIndex);
        Assert.Equal(first.Name, report.FirstProblem.Record);
    }

    [Fact]
    public async Task Verify_LogEntriesReorderedWithinAnAction_ChainNamesTheFirstOutOfOrder()
    {
        var log = await Log(12);
        var (first, second) = (log.Leaves[1], log.Leaves[4]);
        log = Replace(Replace(log, 1, second with { Index = 1 }), 4, first with { Index = 4 });

        var report = await VerifyAsync(log);

        Assert.Equal(1, report.FirstProblem!.LeafIndex);
        Assert.Contains("not 0", report.FirstProblem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LogEntriesOfTwoActionsSwapped_CheckpointDisownsTheRange()
    {
        var log = await Log(6, 12);
        var (first, second) = (log.Leaves[7], log.Leaves[8]);
        log = Replace(Replace(log, 7, second with { Index = 7 }), 8, first with { Index = 8 });

        var report = await VerifyAsync(log);

        Assert.False(report.Valid);
        Assert.Equal(6, report.FirstProblem!.LeafIndex);
        Assert.Contains("leaves 6..11 were altered, removed or reordered", report.FirstProblem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordsRemovedFromTheEnd_CheckpointCatchesIt()
    {
        var log = await Log(12);
        log = log with { Leaves = log.Leaves.Take(10).ToList() };

        var report = await VerifyAsync(log);

        Assert.Equal(10, report.FirstProblem!.LeafIndex);
        Assert.Contains("covers 12 leaves but the log has only 10", report.FirstProblem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LogEntryRemoved_NamesTheGap()
    {
        var log = await Log(12);
        log = log with { Leaves = log.Leaves.Where(l => l.Index != 3).ToList() };

        var report = await VerifyAsync(log);

        Assert.Equal(3, report.FirstProblem!.LeafIndex);
        Assert.Contains("no leaf 3", report.FirstProblem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordStoredButNotLogged_IsReported()
    {
        var log = await Log(12);
        var extra = log.Leaves[11] with { Index = null, LeafHash = null, Name = "records/classifier-01/act-0009/0000-decision.json" };
        log = log with { Unlogged = [extra] };

        var report = await VerifyAsync(log);

        Assert.False(report.Valid);
        Assert.Contains("not in the log", report.FirstProblem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointSignedByAnUnknownKey_IsReported()
    {
        using var impostor = LocalEcdsaSigner.Generate();
        var log = await LogAsync(records, impostor, Agent, 3, 4, 12);

        var report = await VerifyAsync(log);

        Assert.Contains(report.Problems, p => p.Reason.Contains("signature by '" + impostor.KeyId + "' does not verify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_TrustedKeysWithoutTheSigner_Fails()
    {
        var bundle = await BundleAsync(records, checkpoints, await Log(12));
        using var trusted = new KeyRing([await records.GetPublicKeyAsync()]);

        var report = new EvidenceVerifier(trusted).Verify(bundle);

        Assert.False(report.Valid);
        Assert.Contains(report.Problems, p => p.Reason.Contains(checkpoints.KeyId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_RotatedRecordKey_OldAndNewRecordsVerify()
    {
        using var rotated = LocalEcdsaSigner.Generate();
        var before = await LogAsync(records, checkpoints, Agent, 2, 2);
        var after = await LogAsync(rotated, checkpoints, "agent-two", 2, 2);
        var bundle = new EvidenceBundle(
            [await records.GetPublicKeyAsync(), await rotated.GetPublicKeyAsync(), await checkpoints.GetPublicKeyAsync()], [before, after]);

        var report = new EvidenceVerifier(verifyAllSignatures: true).Verify(bundle);

        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(8, report.SignaturesVerified);
    }

    [Fact]
    public async Task BundleFile_WriteThenRead_VerifiesTheSame()
    {
        var log = await Log(6, 12);
        log = log with { Unlogged = [log.Leaves[0] with { Index = null, LeafHash = null, Name = "records/classifier-01/x/0000-decision.json" }] };
        var bundle = await BundleAsync(records, checkpoints, log);
        using var stream = new MemoryStream();

        await EvidenceBundleFile.WriteAsync(bundle, stream);
        stream.Position = 0;
        var read = await EvidenceBundleFile.ReadAsync(stream);

        Assert.Equal(bundle.Keys, read.Keys);
        var readLog = Assert.Single(read.Logs);
        Assert.Equal(log.Checkpoints, readLog.Checkpoints);
        Assert.Equal(log.Leaves.Select(l => (l.Index, l.Name, l.LeafHash, Convert.ToBase64String(l.Content!))), readLog.Leaves.Select(l => (l.Index, l.Name, l.LeafHash, Convert.ToBase64String(l.Content!))));
        Assert.Single(readLog.Unlogged);
    }

    [Fact]
    public async Task BundleFile_BadLine_NamesTheLine()
    {
        using var stream = new MemoryStream("{\"type\":\"bundle\",\"format\":\"agenttrust-evidence-bundle/v1\"}\n{\"type\":\"record\",\"log\":\"a\"}\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<FormatException>(() => EvidenceBundleFile.ReadAsync(stream));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The log as an earlier run saw it: its first <paramref name="size"/> leaves and the checkpoints up to there.</summary>
    static EvidenceLogBundle Prefix(EvidenceLogBundle log, long size) =>
        log with { Leaves = [.. log.Leaves.Take((int)size)], Checkpoints = [.. log.Checkpoints.Where(c => c.TreeSize <= size)] };

    async Task<IReadOnlyDictionary<string, VerifiedWatermark>> WatermarkAsync(EvidenceLogBundle log, long size)
    {
        var earlier = await VerifyAsync(Prefix(log, size));
        Assert.True(earlier.Valid, string.Join("; ", earlier.Problems));
        return earlier.Watermarks;
    }

    [Fact]
    public async Task Verify_FromAnEarlierRunsWatermark_IsValidAndMovesTheWatermark()
    {
        var log = await Log(6, 12);
        var watermarks = await WatermarkAsync(log, 6);
        Assert.Equal(6, watermarks[Agent].TreeSize);

        var report = new EvidenceVerifier().Verify(await BundleAsync(records, checkpoints, log), watermarks);

        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(12, report.RecordsVerified);
        Assert.Equal(12, report.Watermarks[Agent].TreeSize);
        Assert.Equal(log.Checkpoints[^1].RootHash, report.Watermarks[Agent].RootHash);
    }

    [Fact]
    public async Task Verify_FromAWatermark_RecordUnderItAltered_IsStillNamed()
    {
        var log = await Log(6, 12);
        var watermarks = await WatermarkAsync(log, 6);
        log = Replace(log, 2, log.Leaves[2] with { Content = Alter(log.Leaves[2].Content!) });

        var report = new EvidenceVerifier().Verify(await BundleAsync(records, checkpoints, log), watermarks);

        Assert.Equal(2, report.FirstProblem!.LeafIndex);
        Assert.Contains("altered", report.FirstProblem.Reason, StringComparison.Ordinal);
        Assert.False(report.Watermarks.ContainsKey(Agent));
    }

    [Fact]
    public async Task Verify_FromAWatermark_ChainBrokenRightAfterIt_IsNamed()
    {
        // Leaf 6 is action 0's third record; its chain link is leaf 3, under the watermark and not re-read in full.
        var log = await Log(6);
        var watermarks = await WatermarkAsync(log, 6);
        var forged = await AgentTrust.Domain.Evidence.Attestation.EvidenceEnvelopes.SealAsync(Draft(Agent, "act-0000", 2, "sha256:" + new string('f', 64)), records);
        log = Replace(log, 6, log.Leaves[6] with { Content = forged, LeafHash = Convert.ToHexStringLower(AgentTrust.Domain.Evidence.Merkle.MerkleTree.LeafHash(forged)) });

        var report = new EvidenceVerifier().Verify(await BundleAsync(records, checkpoints, log), watermarks);

        Assert.Equal(6, report.FirstProblem!.LeafIndex);
        Assert.Contains("the chain is broken", report.FirstProblem.Reason, StringComparison.Ordinal);
    }
}
