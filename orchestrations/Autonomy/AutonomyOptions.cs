namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>Bound from <c>AgentTrust:Autonomy</c>.</summary>
public sealed class AutonomyOptions
{
    public const string SectionName = "AgentTrust:Autonomy";

    public string TableName { get; set; } = "AgentTrustAutonomy";

    /// <summary>How many optimistic-concurrency conflicts one update rides out before giving up.</summary>
    public int MaxConcurrencyRetries { get; set; } = 50;
}
