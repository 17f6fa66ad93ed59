namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>One webhook source's settings. With no secret configured, every delivery from it is refused.</summary>
public sealed class WebhookSourceOptions
{
    /// <summary>The shared HMAC-SHA256 secret.</summary>
    public string? Secret { get; set; }

    /// <summary>The secret being rotated out; accepted alongside <see cref="Secret"/> until it is removed.</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>
    /// Jira only: the custom field an agent writes its proposal into (JSON text), e.g. <c>customfield_10090</c>.
    /// ServiceNow uses the <c>u_agent_proposal</c> column.
    /// </summary>
    public string? ProposalField { get; set; }

    /// <summary>Jira only: resolutions that mean a change failed (compared without case).</summary>
    public IList<string> FailedChangeResolutions { get; } = ["Failed", "Rolled back", "Backed out"];

    /// <summary>Jira only: issue type names that are changes.</summary>
    public IList<string> ChangeIssueTypes { get; } = ["Change", "[System] Change"];
}
