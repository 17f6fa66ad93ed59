namespace AgentTrust.Orchestrations.Api;

/// <summary>Limits of the HTTP API. Bound from <c>AgentTrust:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "AgentTrust:Api";

    /// <summary>Bodies longer than this are refused with 413 before they are parsed.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The longest a client may ask a POST to wait for a decision (<c>Prefer: wait=N</c>).</summary>
    public int MaxWaitSeconds { get; set; } = 30;
}
