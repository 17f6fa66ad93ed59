namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>
/// Webhook intake settings, bound from <c>AgentTrust:Webhooks</c>. The secrets come from configuration only: in
/// Azure they are Key Vault references in app settings, locally user secrets or environment variables.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "AgentTrust:Webhooks";

    public WebhookSourceOptions ServiceNow { get; set; } = new();

    public WebhookSourceOptions Jira { get; set; } = new();

    /// <summary>How far a delivery's signed timestamp may be from now, either way; older or newer is refused.</summary>
    public int ToleranceSeconds { get; set; } = 300;

    /// <summary>The table that remembers accepted deliveries (the replay store).</summary>
    public string DeliveryTableName { get; set; } = "AgentTrustWebhookDeliveries";

    /// <summary>The table that records refused deliveries (never their bodies).</summary>
    public string RejectionTableName { get; set; } = "AgentTrustWebhookRejections";
}
