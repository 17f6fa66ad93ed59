using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.IntegrationTests.Evidence;

[Collection(AzuriteCollection.Name)]
public sealed class EvidenceStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AppendAsync_RetriedByAnotherInstance_ReturnsTheFirstRecordAndLeaf()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        var first = await evidence.Store.AppendAsync(EvidenceFixtures.Draft("classifier-01", "act-1", 0, null));
        // A retry on another worker: new log and store objects, another signature (ECDSA is randomised).
        using var other = new EvidenceFixtures(evidence.Clients);

        var retried = await other.Store.AppendAsync(EvidenceFixtures.Draft("classifier-01", "act-1", 0, null));

        Assert.False(first.Existing);
        Assert.Equal(first with { Existing = true }, retried);
        Assert.Equal(0, first.LeafIndex);
        Assert.Equal(1, await evidence.Log.SizeAsync("classifier-01"));
        Assert.Single(await evidence.Store.ListAsync("classifier-01", "act-1"));
    }

    [Fact]
    public async Task AppendAsync_RecordWrittenByTheFirstLayout_ReturnsThatRecordAndLeaf()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        var draft = EvidenceFixtures.Draft("classifier-01", "act-old", 0, null);
        var first = await evidence.AppendFirstLayoutAsync(draft);

        var retried = await evidence.Store.AppendAsync(draft);

        Assert.False(first.Existing);
        Assert.Equal(first with { Existing = true }, retried);
        Assert.Equal(1, await evidence.Log.SizeAsync("classifier-01"));
        Assert.Equal(first.Digest, Assert.Single(await evidence.Store.ListAsync("classifier-01", "act-old")).Digest);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentRecordsOfOneAgent_AreGroupCommittedIntoBatches()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));

        var receipts = await evidence.WriteActionsAsync("classifier-01", 40, 2);

        var entries = await evidence.Log.ReadAsync("classifier-01");
        Assert.Equal(80, entries.Count);
        Assert.All(entries, e => Assert.NotNull(e.Location));
        var batches = entries.Select(e => e.Location!.Batch).Distinct().Count();
        // 40 actions in parallel, two steps each: far fewer blobs than records.
        Assert.InRange(batches, 2, 40);
        Assert.Equal(entries.Select(e => $"{evidence.Clients.Options.EvidenceContainerName}/{e.Record}").Order(), receipts.Select(r => r.Location).Order());
        Assert.Equal(entries.Select(e => e.Index).Order(), receipts.Select(r => r.LeafIndex).Order());
        await evidence.Checkpointer.CheckpointAsync("classifier-01");
        var report = new EvidenceVerifier(verifyAllSignatures: true).Verify(await new StorageEvidenceExporter(evidence.Clients).ReadAsync());
        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(80, report.SignaturesVerified);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentWritersInTwoProcesses_GiveEachRecordOneUniqueLeaf()
    {
        using var a = new EvidenceFixtures(TestStorage.Clients(azurite));
        using var b = new EvidenceFixtures(a.Clients);
        var drafts = Enumerable.Range(0, 120).Select(i => EvidenceFixtures.Draft("classifier-01", $"act-{i:D4}", 0, null)).ToList();

        // Two writers with their own log objects race on one log; every record is also written twice.
        var receipts = await Task.WhenAll(drafts.SelectMany(d => new[] { a.Store.AppendAsync(d), b.Store.AppendAsync(d) }));

        var byRecord = receipts.GroupBy(r => r.Location).ToList();
        Assert.Equal(120, byRecord.Count);
        Assert.All(byRecord, g => Assert.Single(g.Select(r => r.LeafIndex).Distinct()));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => (long)i), byRecord.Select(g => g.First().LeafIndex).Order());
        Assert.Equal(120, await a.Log.SizeAsync("classifier-01"));
    }

    [Fact]
    public async Task CheckpointAsync_ThenVerifyFromStorage_IsValidAndBundleRoundTrips()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        await evidence.WriteActionsAsync("classifier-01", 4, 3);
        Assert.Single(await evidence.Checkpointer.CheckpointAllAsync());
        await evidence.WriteActionsAsync("router-02", 2, 2);
        var written = await evidence.Checkpointer.CheckpointAllAsync();
        Assert.Equal("agenttrust.dev/evidence/router-02", Assert.Single(written).Origin);
        Assert.Empty(await evidence.Checkpointer.CheckpointAllAsync());
        // The log grows after its checkpoint: the next one extends the kept tree, and a fresh checkpointer
        // (another instance, nothing kept) must sign the same root.
        for (var i = 0; i < 3; i++)
        {
            await evidence.Store.AppendAsync(EvidenceFixtures.Draft("classifier-01", $"late-{i}", 0, null));
        }

        var extended = await evidence.Checkpointer.CheckpointAsync("classifier-01");
        Assert.Equal(15, extended!.TreeSize);
        await evidence.Store.AppendAsync(EvidenceFixtures.Draft("classifier-01", "late-3", 0, null));
        var fresh = new EvidenceCheckpointer(evidence.Clients, new TableEvidenceLog(evidence.Clients), evidence.Signers, TimeProvider.System);
        var fromScratch = await fresh.CheckpointAsync("classifier-01");
        Assert.Equal(16, fromScratch!.TreeSize);

        var bundle = await new StorageEvidenceExporter(evidence.Clients).ReadAsync();
        var report = new EvidenceVerifier(verifyAllSignatures: true).Verify(bundle);

        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(20, report.RecordsVerified);
        Assert.Equal(20, report.SignaturesVerified);
        Assert.Equal(4, report.CheckpointsVerified);

        var path = Path.Combine(Path.GetTempPath(), "agenttrust-bundle-" + Guid.NewGuid().ToString("N") + ".ndjson");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(0, await EvidenceCommand.RunAsync(["export", .. evidence.StorageArgs(azurite), "--out", path], stdout, stderr));
            Assert.Equal(0, await EvidenceCommand.RunAsync(["verify", "--bundle", path], stdout, stderr));
            Assert.Equal(0, await EvidenceCommand.RunAsync(["verify", .. evidence.StorageArgs(azurite)], stdout, stderr));
            Assert.Contains("evidence verified: 20 records in 2 log(s), 4 signed checkpoint(s)", stdout.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
