using AgentTrust.Domain.Pacts;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Pacts;

namespace AgentTrust.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TablePactStoreTests(AzuriteFixture azurite)
{
    static Pact Pact(int version, double minConfidence = 0.8) => new(
        "classifier-01", "incident-classification", version, "owner@example.com", ["classify"],
        [new PactClause("p", "action.priority in [3, 4, 5]", ClauseSeverity.Critical)],
        new AutonomyPolicy(AutonomyTier.Autonomous, minConfidence), new ApprovalPolicy(["leads"], 60));

    [Fact]
    public async Task PublishAsync_NewVersions_CurrentMovesForwardAndOldVersionsStay()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));

        Assert.Equal(PublishResult.Published, (await store.PublishAsync(Pact(1), DateTimeOffset.UtcNow)).Result);
        Assert.Equal(PublishResult.Published, (await store.PublishAsync(Pact(2, 0.9), DateTimeOffset.UtcNow)).Result);

        var current = await store.GetAsync(new PactKey("classifier-01", "incident-classification"));
        var first = await store.GetAsync(new PactKey("classifier-01", "incident-classification", 1));
        Assert.Equal(2, current!.Pact.Version);
        Assert.Equal(0.9, current.Pact.Autonomy.MinConfidence);
        Assert.Equal(PactHash.Compute(Pact(1)), first!.Hash);
    }

    [Fact]
    public async Task PublishAsync_SameVersionOtherContent_ConflictsAndKeepsTheFirst()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));
        await store.PublishAsync(Pact(1), DateTimeOffset.UtcNow);

        var again = await store.PublishAsync(Pact(1), DateTimeOffset.UtcNow);
        var changed = await store.PublishAsync(Pact(1, 0.5), DateTimeOffset.UtcNow);

        Assert.Equal(PublishResult.AlreadyPublished, again.Result);
        Assert.Equal(PublishResult.Conflict, changed.Result);
        Assert.Equal(0.8, (await store.GetAsync(new PactKey("classifier-01", "incident-classification", 1)))!.Pact.Autonomy.MinConfidence);
    }

    [Fact]
    public async Task PublishAsync_ParallelPublishers_CurrentEndsAtTheHighestVersion()
    {
        var store = new TablePactStore(TestStorage.Clients(azurite));

        await Task.WhenAll(Enumerable.Range(1, 8).Select(v => store.PublishAsync(Pact(v), DateTimeOffset.UtcNow)));

        Assert.Equal(8, (await store.GetAsync(new PactKey("classifier-01", "incident-classification")))!.Pact.Version);
    }
}
