using AgentTrust.Orchestrations.Storage;
using Microsoft.Extensions.Options;

namespace AgentTrust.IntegrationTests.Support;

/// <summary>Storage clients on Azurite with names unique to one test, so tests never see each other's data.</summary>
internal static class TestStorage
{
    public static StorageClients Clients(AzuriteFixture azurite)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return new StorageClients(Options.Create(new AgentTrustStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            PactTableName = "pacts" + suffix,
            EvidenceContainerName = "evidence-" + suffix,
            EvidenceLogTableName = "evidencelog" + suffix,
        }));
    }
}
