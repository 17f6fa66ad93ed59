using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Governance;

namespace AgentTrust.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableActionIndexTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordAndCountAsync_ActionsInAndOutOfWindow_CountsOnlyEarlierOnesInside()
    {
        var index = new TableActionIndex(TestStorage.Clients(azurite));
        await index.RecordAndCountAsync(new RecentActionsQuery("a", "incident-classification", "old", T0.AddMinutes(-90), 60));
        await index.RecordAndCountAsync(new RecentActionsQuery("a", "incident-classification", "recent", T0.AddMinutes(-10), 60));
        await index.RecordAndCountAsync(new RecentActionsQuery("b", "incident-classification", "other-agent", T0.AddMinutes(-5), 60));

        var count = await index.RecordAndCountAsync(new RecentActionsQuery("a", "incident-classification", "now", T0, 60));
        var retried = await index.RecordAndCountAsync(new RecentActionsQuery("a", "incident-classification", "now", T0, 60));

        Assert.Equal(1, count);
        Assert.Equal(1, retried);
    }
}
