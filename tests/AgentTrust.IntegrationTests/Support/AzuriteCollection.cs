namespace AgentTrust.IntegrationTests.Support;

/// <summary>All integration tests share one Azurite; each test uses its own table, container or task hub names.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
