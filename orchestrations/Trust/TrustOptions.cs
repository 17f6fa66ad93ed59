namespace AgentTrust.Orchestrations.Trust;

/// <summary>Bound from <c>AgentTrust:Trust</c>; the model's parameters are under <c>AgentTrust:Trust:Model</c>.</summary>
public sealed class TrustOptions
{
    public const string SectionName = "AgentTrust:Trust";

    public const string ModelSectionName = "AgentTrust:Trust:Model";

    public string TableName { get; set; } = "AgentTrustScores";

    public string AttributionTableName { get; set; } = "AgentTrustAttribution";

    /// <summary>How many optimistic-concurrency conflicts one update rides out before giving up.</summary>
    public int MaxConcurrencyRetries { get; set; } = 50;

    /// <summary>How often the local host recomputes trust from evidence (the Functions app uses its timer: hourly).</summary>
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The UTC hour in which the recomputation verifies every record in full once a day, ignoring verified watermarks
    /// (null: only when asked, e.g. <c>agenttrust trust recompute --full</c>).
    /// </summary>
    public int? FullVerificationHourUtc { get; set; } = 3;

    /// <summary>How many recent trust changes the trust API returns per lane.</summary>
    public int RecentChanges { get; set; } = 10;
}
