using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobEvidenceStoreTests(AzuriteFixture azurite)
{
    static EvidenceDraft Draft(int sequence, string payload) => new(
        "act-0123", sequence, EvidenceKinds.Decision, "classifier-01", "incident-classification", "servicenow", "INC1",
        "sha256:abc", null, new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), JsonDocument.Parse(payload).RootElement);

    [Fact]
    public async Task AppendAsync_SameRecordTwice_WritesOnceAndReturnsTheFirstDigest()
    {
        var clients = TestStorage.Clients(azurite);
        using var records = LocalEcdsaSigner.Generate();
        using var checkpoints = LocalEcdsaSigner.Generate();
        var store = new BlobEvidenceStore(clients, new TableEvidenceLog(clients), new EvidenceSigners(records, checkpoints));

        var first = await store.AppendAsync(Draft(0, "{\"kind\":\"first\"}"));
        var retried = await store.AppendAsync(Draft(0, "{\"kind\":\"retry with other content\"}"));

        Assert.False(first.Existing);
        Assert.Equal(first with { Existing = true }, retried);
        var stored = Assert.Single(await store.ListAsync("classifier-01", "act-0123"));
        Assert.Equal(first.Digest, stored.Digest);
        var opened = EvidenceEnvelopes.Open(stored.Content.Span);
        Assert.Contains("first", opened.Draft.Payload.GetRawText(), StringComparison.Ordinal);
    }
}
