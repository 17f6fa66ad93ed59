using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Trust;
using AgentTrust.IntegrationTests.Evidence;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Trust;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Time.Testing;

namespace AgentTrust.IntegrationTests.Trust;

/// <summary>
/// Verified watermarks persisted in Table storage (Azurite): a fresh recomputer (a new process) starts from them, and a
/// record altered under a watermark is still caught, because its leaf hash is recomputed against the signed checkpoints.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrustWatermarkTests(AzuriteFixture azurite)
{
    const string Agent = "router-01";
    const string Lane = "incident-routing";
    const int Signals = 6;

    static readonly DateTimeOffset At = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A recomputer as a new process would build it: persisted watermarks, no daily full run unless the clock says so.</summary>
    static TrustRecomputer Fresh(TrustRig rig, TimeProvider? time = null, int? fullHour = null) => new(
        new StorageEvidenceExporter(rig.Evidence.Clients), rig.Store, TrustParameters.Default,
        new TableVerifiedWatermarkStore(rig.Evidence.Clients), new TrustOptions { FullVerificationHourUtc = fullHour }, time);

    static async Task<TrustRig> SignedAsync(AzuriteFixture azurite)
    {
        var rig = new TrustRig(azurite);
        for (var i = 0; i < Signals; i++)
        {
            var signal = new TrustSignal($"conduct:act-{i}", Agent, Lane, TrustDimension.Conduct, i % 3 == 0 ? 0 : 1, i % 3 == 0 ? 1 : 0, At.AddHours(i), "clean", "sha256:v1", $"act-{i}");
            await rig.Engine.ApplyAsync(signal, "servicenow", $"INC{i:D7}");
        }

        await rig.Evidence.Checkpointer.CheckpointAllAsync();
        return rig;
    }

    [Fact]
    public async Task RunAsync_FreshRecomputerAfterAPersistedRun_ChecksOnlyLeafHashesUnderTheWatermark()
    {
        using var rig = await SignedAsync(azurite);
        var size = await rig.Evidence.Log.SizeAsync(Agent);

        var first = await Fresh(rig).RunAsync(write: true);
        var persisted = await new TableVerifiedWatermarkStore(rig.Evidence.Clients).ReadAllAsync();
        var second = await Fresh(rig).RunAsync(write: true);

        Assert.Empty(first.Problems);
        Assert.Equal(0, first.RecordsUnderWatermark);
        Assert.Equal(size, persisted[Agent].Watermark.TreeSize);
        Assert.Empty(second.Problems);
        Assert.False(second.FullVerification);
        Assert.Equal(size, second.RecordsUnderWatermark);
        Assert.Equal(Signals, second.Signals);
        Assert.Empty(second.Differing);
    }

    [Fact]
    public async Task RunAsync_RecordTamperedUnderPersistedWatermark_IsCaughtLeftOutAndWatermarkDropped()
    {
        using var rig = await SignedAsync(azurite);
        await Fresh(rig).RunAsync(write: true);
        var victim = (await rig.Evidence.Log.ReadAsync(Agent))[1];
        await rig.Evidence.RewriteBatchAsync(Agent, new Dictionary<string, byte[]?> { [victim.Record] = EvidenceFixtures.Alter(await BytesAsync(rig, victim)) });

        var report = await Fresh(rig).RunAsync(write: true);
        var persisted = await new TableVerifiedWatermarkStore(rig.Evidence.Clients).ReadAllAsync();

        Assert.Contains(report.Problems, p => p.Contains(victim.Record, StringComparison.Ordinal) && p.Contains("altered", StringComparison.Ordinal));
        Assert.Equal(0, report.RecordsUnderWatermark);
        Assert.True(report.SkippedUnverified >= 1);
        Assert.False(persisted.ContainsKey(Agent));
    }

    [Fact]
    public async Task RunAsync_RecordAndItsLeafHashTamperedUnderPersistedWatermark_IsCaughtByTheSignedCheckpoint()
    {
        using var rig = await SignedAsync(azurite);
        await Fresh(rig).RunAsync(write: true);
        var victim = (await rig.Evidence.Log.ReadAsync(Agent))[2];
        var altered = EvidenceFixtures.Alter(await BytesAsync(rig, victim));
        await rig.Evidence.RewriteBatchAsync(Agent, new Dictionary<string, byte[]?> { [victim.Record] = altered });
        var table = rig.Evidence.Clients.Tables.GetTableClient(rig.Evidence.Clients.Options.EvidenceLogTableName);
        // The log is rewritten too, so the leaf hash in the table matches the altered bytes: only the signed root can tell.
        await EvidenceFixtures.EditLeafAsync(table, Agent, victim.Index, e => e with { LeafHash = Convert.ToHexStringLower(MerkleTree.LeafHash(altered)) });

        var report = await Fresh(rig).RunAsync(write: true);

        Assert.Contains(report.Problems, p => p.Contains("signed checkpoint", StringComparison.Ordinal) && p.Contains("does not match", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains(victim.Record, StringComparison.Ordinal));
        Assert.Equal(0, report.RecordsUnderWatermark);
        Assert.False((await new TableVerifiedWatermarkStore(rig.Evidence.Clients).ReadAllAsync()).ContainsKey(Agent));
    }

    [Fact]
    public async Task RunAsync_ForgedWatermarkRow_IsIgnoredAndEveryRecordVerified()
    {
        using var rig = await SignedAsync(azurite);
        var store = new TableVerifiedWatermarkStore(rig.Evidence.Clients);
        var size = await rig.Evidence.Log.SizeAsync(Agent);
        // A root no signed checkpoint has: what someone who can write the watermark table, but not sign, could store.
        await store.SaveAsync(new Dictionary<string, StoredWatermark>(), new Dictionary<string, VerifiedWatermark> { [Agent] = new(Agent, size, Convert.ToBase64String(new byte[32])) }, At);

        var report = await Fresh(rig).RunAsync(write: true);

        Assert.Empty(report.Problems);
        Assert.Equal(0, report.RecordsUnderWatermark);
        Assert.NotEqual(Convert.ToBase64String(new byte[32]), (await store.ReadAllAsync())[Agent].Watermark.RootHash);
    }

    [Fact]
    public async Task RunAsync_FullVerificationAskedOrInTheDailyHour_IgnoresPersistedWatermarks()
    {
        using var rig = await SignedAsync(azurite);
        await Fresh(rig).RunAsync(write: true);
        var inTheHour = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 3, 10, 0, TimeSpan.Zero));
        var outside = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 4, 10, 0, TimeSpan.Zero));

        var asked = await Fresh(rig).RunAsync(write: true, fullVerification: true);
        var scheduled = await Fresh(rig, inTheHour, fullHour: 3).RunAsync(write: true);
        var notScheduled = await Fresh(rig, outside, fullHour: 3).RunAsync(write: true);

        Assert.True(asked.FullVerification);
        Assert.Equal(0, asked.RecordsUnderWatermark);
        Assert.True(scheduled.FullVerification);
        Assert.Equal(0, scheduled.RecordsUnderWatermark);
        Assert.False(notScheduled.FullVerification);
        Assert.True(notScheduled.RecordsUnderWatermark > 0);
        Assert.All(new[] { asked, scheduled, notScheduled }, r => Assert.Empty(r.Problems));
    }

    static async Task<byte[]> BytesAsync(TrustRig rig, LogEntry entry)
    {
        var container = rig.Evidence.Clients.Blobs.GetBlobContainerClient(rig.Evidence.Clients.Options.EvidenceContainerName);
        var location = entry.Location!;
        var download = await container.GetBlobClient(location.Batch).DownloadContentAsync(new BlobDownloadOptions { Range = new Azure.HttpRange(location.Offset, location.Length) });
        return download.Value.Content.ToArray();
    }
}
