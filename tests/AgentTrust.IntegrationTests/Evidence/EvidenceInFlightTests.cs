using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;
using Microsoft.Extensions.Time.Testing;

namespace AgentTrust.IntegrationTests.Evidence;

/// <summary>
/// Evidence is verified while it is written: a record uploaded but not yet appended to its log is a write in
/// flight, not tampering, until it has waited longer than any write could.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvidenceInFlightTests(AzuriteFixture azurite)
{
    const string Agent = "classifier-01";

    [Fact]
    public async Task ReadAsync_RecordStoredButNotYetLogged_LeavesItOutAsInFlight()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        await evidence.WriteActionsAsync(Agent, 2, 2);
        var stray = await StoreWithoutLoggingAsync(evidence);

        var bundle = await new StorageEvidenceExporter(evidence.Clients).ReadAsync();
        var report = new EvidenceVerifier().Verify(bundle);

        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(stray, Assert.Single(bundle.InFlight));
        Assert.Equal(4, report.RecordsVerified);
        Assert.Contains(report.Notes, n => n.StartsWith("1 record(s) were being written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RecordUnloggedLongerThanTheGrace_IsReportedAsStray()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        await evidence.WriteActionsAsync(Agent, 2, 2);
        var stray = await StoreWithoutLoggingAsync(evidence);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + StorageEvidenceExporter.InFlightGrace + TimeSpan.FromSeconds(5));

        var bundle = await new StorageEvidenceExporter(evidence.Clients, later).ReadAsync();
        var report = new EvidenceVerifier().Verify(bundle);

        Assert.Empty(bundle.InFlight);
        Assert.False(report.Valid);
        Assert.Equal(stray, report.FirstProblem!.Record);
        Assert.Contains("not in the log", report.FirstProblem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BatchStoredButNotYetLogged_LeavesItsRecordsOutAsInFlightThenReportsThemAsStrays()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        await evidence.WriteActionsAsync(Agent, 2, 2);
        var strays = await StoreBatchWithoutLoggingAsync(evidence);

        var now = await new StorageEvidenceExporter(evidence.Clients).ReadAsync();
        var later = await new StorageEvidenceExporter(evidence.Clients, new FakeTimeProvider(DateTimeOffset.UtcNow + StorageEvidenceExporter.InFlightGrace + TimeSpan.FromSeconds(5))).ReadAsync();

        var report = new EvidenceVerifier().Verify(now);
        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(strays.Order(StringComparer.Ordinal), now.InFlight.Order(StringComparer.Ordinal));
        Assert.Equal(4, report.RecordsVerified);
        var lateReport = new EvidenceVerifier().Verify(later);
        Assert.Empty(later.InFlight);
        Assert.Equal(strays.Order(StringComparer.Ordinal), lateReport.Problems.Select(p => p.Record!).Order(StringComparer.Ordinal));
        Assert.All(lateReport.Problems, p => Assert.Contains("not in the log", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_RetriedWriteLeftASpareCopyInABatch_IsNeitherInFlightNorAStray()
    {
        using var evidence = new EvidenceFixtures(TestStorage.Clients(azurite));
        await evidence.WriteActionsAsync(Agent, 2, 2);
        // A retry on another worker seals the record again (another signature) and writes it in its own batch;
        // the log keeps the first, and the spare line names a logged record.
        using var other = new EvidenceFixtures(evidence.Clients);
        await other.Store.AppendAsync(EvidenceFixtures.Draft(Agent, "act-0000", 0, null));
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + StorageEvidenceExporter.InFlightGrace + TimeSpan.FromSeconds(5));

        var bundle = await new StorageEvidenceExporter(evidence.Clients, later).ReadAsync();
        var report = new EvidenceVerifier().Verify(bundle);

        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Empty(bundle.InFlight);
        Assert.Equal(4, report.RecordsVerified);
    }

    /// <summary>Uploads a batch of two valid records the way the writer does, stopping before the log append.</summary>
    static async Task<string[]> StoreBatchWithoutLoggingAsync(EvidenceFixtures evidence)
    {
        var drafts = new[] { EvidenceFixtures.Draft(Agent, "act-batch-a", 0, null), EvidenceFixtures.Draft(Agent, "act-batch-b", 0, null) };
        var lines = new List<byte>();
        foreach (var draft in drafts)
        {
            lines.AddRange(await Domain.Evidence.Attestation.EvidenceEnvelopes.SealAsync(draft, evidence.Signers.Records));
            lines.Add((byte)'\n');
        }

        var batch = EvidenceLayout.BatchName(Agent, DateTimeOffset.UtcNow, Guid.NewGuid());
        await evidence.Clients.Blobs.GetBlobContainerClient(evidence.Clients.Options.EvidenceContainerName).GetBlobClient(batch).UploadAsync(new BinaryData(lines.ToArray()));
        return [.. drafts.Select(EvidenceLayout.RecordName)];
    }

    /// <summary>Uploads a valid record the way a writer does, stopping before the log append (a write in flight).</summary>
    static async Task<string> StoreWithoutLoggingAsync(EvidenceFixtures evidence)
    {
        var draft = EvidenceFixtures.Draft(Agent, "act-in-flight", 0, null);
        var name = EvidenceLayout.RecordName(draft);
        var content = await Domain.Evidence.Attestation.EvidenceEnvelopes.SealAsync(draft, evidence.Signers.Records);
        await evidence.Clients.Blobs.GetBlobContainerClient(evidence.Clients.Options.EvidenceContainerName).GetBlobClient(name).UploadAsync(new BinaryData(content));
        return name;
    }
}
