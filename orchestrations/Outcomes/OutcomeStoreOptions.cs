namespace AgentTrust.Orchestrations.Outcomes;

/// <summary>Bound from <c>AgentTrust:Outcomes</c>.</summary>
public sealed class OutcomeStoreOptions
{
    public const string SectionName = "AgentTrust:Outcomes";

    public string TableName { get; set; } = "AgentTrustOutcomes";
}
