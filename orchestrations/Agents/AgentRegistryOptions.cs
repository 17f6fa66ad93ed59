namespace AgentTrust.Orchestrations.Agents;

/// <summary>Bound from <c>AgentTrust:Registry</c>.</summary>
public sealed class AgentRegistryOptions
{
    public const string SectionName = "AgentTrust:Registry";

    public string TableName { get; set; } = "AgentTrustAgents";

    /// <summary>How many optimistic-concurrency conflicts one registration rides out before giving up.</summary>
    public int MaxConcurrencyRetries { get; set; } = 20;
}
