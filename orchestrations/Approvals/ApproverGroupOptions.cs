namespace AgentTrust.Orchestrations.Approvals;

/// <summary>How one approver group is reached: email addresses and/or a Teams incoming webhook (or Workflows) URL.</summary>
public sealed class ApproverGroupOptions
{
    public IList<string> Emails { get; } = [];

    /// <summary>A secret (whoever holds it can post to the channel): keep it in Key Vault / app settings, never in evidence.</summary>
    public Uri? TeamsWebhookUrl { get; set; }
}
