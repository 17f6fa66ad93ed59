using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.IntegrationTests.Evidence;

/// <summary>
/// Evidence is written through the real store on Azurite and checkpointed, then altered, removed or reordered
/// directly in storage (as someone with storage access but no signing key could); <c>evidence verify</c> must
/// fail and name the first bad record. Evidence is written in batches now (one blob per group commit, the log
/// pointing at each record's range); evidence of the first layout (one blob per record) is tampered with too, as
/// it must stay verifiable.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvidenceTamperTests(AzuriteFixture azurite)
{
    const string Agent = "classifier-01";

    async Task<(EvidenceFixtures Evidence, Azure.Storage.Blobs.BlobContainerClient Container)> WrittenAsync(bool checkpoint = true, bool firstLayout = false)
    {
        var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        await evidence.WriteActionsAsync(Agent, 3, 3, firstLayout);
        if (checkpoint)
        {
            await evidence.Checkpointer.CheckpointAsync(Agent);
        }

        return (evidence, evidence.Clients.Blobs.GetBlobContainerClient(evidence.Clients.Options.EvidenceContainerName));
    }

    async Task<(int Code, string Output)> VerifyAsync(EvidenceFixtures evidence)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await EvidenceCommand.RunAsync(["verify", .. evidence.StorageArgs(azurite)], stdout, stderr);
        return (code, stdout + stderr.ToString());
    }

    static string FirstBad(string output) => output.Split('\n').Single(l => l.StartsWith("first bad record:", StringComparison.Ordinal));

    static string Name(int action, int sequence) => $"records/{Agent}/act-{action:D4}/{sequence:D4}-decision.json";

    async Task<long> LeafOfAsync(EvidenceFixtures evidence, string name) => (await evidence.Log.ReadAsync(Agent)).Single(e => e.Record == name).Index;

    [Fact]
    public async Task Verify_Untouched_Passes()
    {
        var (evidence, _) = await WrittenAsync();
        using var _1 = evidence;

        var (code, output) = await VerifyAsync(evidence);

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Verify_FirstLayoutRecordAltered_FailsNamingIt()
    {
        var (evidence, container) = await WrittenAsync(firstLayout: true);
        using var _1 = evidence;
        var blob = container.GetBlobClient(Name(1, 1));
        var content = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        await blob.UploadAsync(new BinaryData(EvidenceFixtures.Alter(content)), overwrite: true);

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {await LeafOfAsync(evidence, Name(1, 1))}, record '{Name(1, 1)}'", FirstBad(output), StringComparison.Ordinal);
        Assert.Contains("altered", FirstBad(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FirstLayoutRecordAlteredAndLogRewritten_FailsNamingIt()
    {
        var (evidence, container) = await WrittenAsync(firstLayout: true);
        using var _1 = evidence;
        var blob = container.GetBlobClient(Name(2, 0));
        var altered = EvidenceFixtures.Alter((await blob.DownloadContentAsync()).Value.Content.ToArray());
        await blob.UploadAsync(new BinaryData(altered), overwrite: true);
        var leaf = await LeafOfAsync(evidence, Name(2, 0));
        var table = evidence.Clients.Tables.GetTableClient(evidence.Clients.Options.EvidenceLogTableName);
        await EvidenceFixtures.EditLeafAsync(table, Agent, leaf, e => e with { LeafHash = Convert.ToHexStringLower(AgentTrust.Domain.Evidence.Merkle.MerkleTree.LeafHash(altered)) });

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {leaf}, record '{Name(2, 0)}'", FirstBad(output), StringComparison.Ordinal);
        Assert.Contains("does not verify", FirstBad(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FirstLayoutRecordRemoved_FailsNamingIt()
    {
        var (evidence, container) = await WrittenAsync(firstLayout: true);
        using var _1 = evidence;
        await container.DeleteBlobAsync(Name(0, 1));

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {await LeafOfAsync(evidence, Name(0, 1))}, record '{Name(0, 1)}'", FirstBad(output), StringComparison.Ordinal);
        Assert.Contains("missing", FirstBad(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FirstLayoutRecordAndItsLogEntryRemovedBeforeAnyCheckpoint_FailsNamingTheGap()
    {
        var (evidence, container) = await WrittenAsync(checkpoint: false, firstLayout: true);
        using var _1 = evidence;
        var leaf = await LeafOfAsync(evidence, Name(1, 0));
        await container.DeleteBlobAsync(Name(1, 0));
        var table = evidence.Clients.Tables.GetTableClient(evidence.Clients.Options.EvidenceLogTableName);
        await EvidenceFixtures.RemoveLeafAsync(table, Agent, leaf);

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"no leaf {leaf}", FirstBad(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FirstLayoutRecordsReordered_FailsNamingTheFirst()
    {
        var (evidence, container) = await WrittenAsync(firstLayout: true);
        using var _1 = evidence;
        var first = container.GetBlobClient(Name(2, 1));
        var second = container.GetBlobClient(Name(2, 2));
        var firstContent = (await first.DownloadContentAsync()).Value.Content;
        var secondContent = (await second.DownloadContentAsync()).Value.Content;
        await first.UploadAsync(secondContent, overwrite: true);
        await second.UploadAsync(firstContent, overwrite: true);

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {await LeafOfAsync(evidence, Name(2, 1))}, record '{Name(2, 1)}'", FirstBad(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LogEntriesReordered_FailsNamingTheFirstOutOfOrder()
    {
        var (evidence, _) = await WrittenAsync();
        using var _1 = evidence;
        var table = evidence.Clients.Tables.GetTableClient(evidence.Clients.Options.EvidenceLogTableName);
        var a = await LeafOfAsync(evidence, Name(0, 0));
        var b = await LeafOfAsync(evidence, Name(0, 1));
        var entries = await evidence.Log.ReadAsync(Agent);
        var (entryA, entryB) = (entries.Single(e => e.Index == a), entries.Single(e => e.Index == b));
        await EvidenceFixtures.EditLeafAsync(table, Agent, a, e => e with { Record = entryB.Record, LeafHash = entryB.LeafHash });
        await EvidenceFixtures.EditLeafAsync(table, Agent, b, e => e with { Record = entryA.Record, LeafHash = entryA.LeafHash });

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {Math.Min(a, b)}, record '{Name(0, 1)}'", FirstBad(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FirstLayoutUntouched_Passes()
    {
        var (evidence, _) = await WrittenAsync(firstLayout: true);
        using var _1 = evidence;

        var (code, output) = await VerifyAsync(evidence);

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Verify_BatchedRecordAltered_FailsNamingIt()
    {
        var (evidence, _) = await WrittenAsync();
        using var _1 = evidence;
        var stored = Assert.Single(await evidence.Store.ListAsync(Agent, "act-0001"), r => Opened(r).Sequence == 1);
        await evidence.RewriteBatchAsync(Agent, new Dictionary<string, byte[]?> { [Name(1, 1)] = EvidenceFixtures.Alter(stored.Content.ToArray()) });

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {await LeafOfAsync(evidence, Name(1, 1))}, record '{Name(1, 1)}'", FirstBad(output), StringComparison.Ordinal);
        Assert.Contains("altered", FirstBad(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BatchedRecordRemoved_FailsNamingIt()
    {
        var (evidence, _) = await WrittenAsync();
        using var _1 = evidence;
        await evidence.RewriteBatchAsync(Agent, new Dictionary<string, byte[]?> { [Name(0, 1)] = null });

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {await LeafOfAsync(evidence, Name(0, 1))}, record '{Name(0, 1)}'", FirstBad(output), StringComparison.Ordinal);
        Assert.Contains("missing", FirstBad(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BatchDeleted_FailsNamingItsFirstRecordAndEveryRecordInIt()
    {
        var (evidence, container) = await WrittenAsync();
        using var _1 = evidence;
        var entries = await evidence.Log.ReadAsync(Agent);
        var batch = entries.Single(e => e.Record == Name(2, 1)).Location!.Batch;
        var inBatch = entries.Where(e => e.Location?.Batch == batch).OrderBy(e => e.Index).ToList();
        await container.DeleteBlobAsync(batch);

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {inBatch[0].Index}, record '{inBatch[0].Record}'", FirstBad(output), StringComparison.Ordinal);
        Assert.Contains("missing", FirstBad(output), StringComparison.Ordinal);
        Assert.All(inBatch, e => Assert.Contains($"record '{e.Record}': the record is missing", output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_BatchedRecordsReordered_FailsNamingTheFirst()
    {
        var (evidence, _) = await WrittenAsync();
        using var _1 = evidence;
        var records = (await evidence.Store.ListAsync(Agent, "act-0002")).ToDictionary(r => Opened(r).Sequence);
        await evidence.RewriteBatchAsync(Agent, new Dictionary<string, byte[]?> { [Name(2, 1)] = records[2].Content.ToArray(), [Name(2, 2)] = records[1].Content.ToArray() });

        var (code, output) = await VerifyAsync(evidence);

        Assert.Equal(1, code);
        Assert.Contains($"leaf {await LeafOfAsync(evidence, Name(2, 1))}, record '{Name(2, 1)}'", FirstBad(output), StringComparison.Ordinal);
    }

    static AgentTrust.Domain.Evidence.EvidenceDraft Opened(StoredEvidence record) => AgentTrust.Domain.Evidence.Attestation.EvidenceEnvelopes.Open(record.Content.Span).Draft;
}
