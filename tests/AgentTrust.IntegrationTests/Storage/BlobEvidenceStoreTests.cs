using System.Text.Json;
using AgentTrust.Domain.Evidence;
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
        var store = new BlobEvidenceStore(TestStorage.Clients(azurite));

        var first = await store.AppendAsync(Draft(0, "{\"kind\":\"first\"}"));
        var retried = await store.AppendAsync(Draft(0, "{\"kind\":\"retry with other content\"}"));

        Assert.Equal(first, retried);
        var stored = Assert.Single(await store.ListAsync("classifier-01", "act-0123"));
        Assert.Equal(first.Digest, stored.Digest);
        Assert.Contains("first", System.Text.Encoding.UTF8.GetString(stored.Content.Span), StringComparison.Ordinal);
    }
}
