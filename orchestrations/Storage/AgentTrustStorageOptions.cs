namespace AgentTrust.Orchestrations.Storage;

/// <summary>
/// Where AgentTrust keeps pacts and evidence. Bound from the <c>AgentTrust:Storage</c> section; when it names no
/// account, the Functions storage setting (<c>AzureWebJobsStorage</c>) is used, as a connection string (Azurite)
/// or as <c>AzureWebJobsStorage__accountName</c> with a managed identity (Azure).
/// </summary>
public sealed class AgentTrustStorageOptions
{
    public const string SectionName = "AgentTrust:Storage";

    /// <summary>A storage connection string, e.g. <c>UseDevelopmentStorage=true</c> or Azurite's explicit endpoints.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account name, for managed-identity access when there is no connection string.</summary>
    public string? AccountName { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    public string PactTableName { get; set; } = "AgentTrustPacts";

    public string EvidenceContainerName { get; set; } = "evidence";

    /// <summary>Which actions each agent proposed in each lane, and when: what pact rate limits count.</summary>
    public string ActionIndexTableName { get; set; } = "AgentTrustActionIndex";

    /// <summary>The table holding each agent's append-only evidence log (leaf index to record, and the tree size).</summary>
    public string EvidenceLogTableName { get; set; } = "AgentTrustEvidenceLog";
}
