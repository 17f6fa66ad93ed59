using AgentTrust.Orchestrations.Storage;
using Microsoft.Extensions.Options;

namespace AgentTrust.IntegrationTests.Support;

/// <summary>Storage clients with the host's default evidence container and log table, for tests that read what a host wrote.</summary>
internal static class StoredEvidenceNames
{
    public static StorageClients Clients(string connectionString) =>
        new(Options.Create(new AgentTrustStorageOptions { ConnectionString = connectionString }));
}
