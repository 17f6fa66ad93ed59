namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Disputes, bound from <c>AgentTrust:Disputes</c>.</summary>
public sealed class DisputeOptions
{
    public const string SectionName = "AgentTrust:Disputes";

    /// <summary>
    /// The approver groups (configured under <c>AgentTrust:Approvals:Groups</c>, reached by the same notifiers) that
    /// adjudicate disputes, comma-separated. A string rather than a list because the configuration binder appends to a
    /// list's default instead of replacing it.
    /// </summary>
    public string AdjudicatorGroups { get; set; } = "adjudicators";

    public IReadOnlyList<string> AdjudicatorGroupList() =>
        AdjudicatorGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How long the adjudicator has; after that the dispute expires and the original stands. Default 7 days.</summary>
    public int TimeoutSeconds { get; set; } = 7 * 24 * 3600;

    public string TableName { get; set; } = "AgentTrustDisputes";
}
