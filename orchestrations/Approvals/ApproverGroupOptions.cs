namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// How one approver group is reached (email addresses and/or a Teams incoming webhook or Workflows URL) and who belongs
/// to it when answering in the trust console (<see cref="TrustConsole.ApproverGroupCheck"/>): a person whose sign-in
/// name is one of <see cref="Members"/> or <see cref="Emails"/>, or whose App Service Authentication principal carries
/// the <see cref="EntraGroupId"/> group claim or an app role named like the group.
/// </summary>
public sealed class ApproverGroupOptions
{
    public IList<string> Emails { get; } = [];

    /// <summary>Sign-in names (UPN or email, compared ignoring case) of people who answer for the group in the console.</summary>
    public IList<string> Members { get; } = [];

    /// <summary>The Microsoft Entra ID group (object id) whose members answer for the group in the console.</summary>
    public string? EntraGroupId { get; set; }

    /// <summary>A secret (whoever holds it can post to the channel): keep it in Key Vault / app settings, never in evidence.</summary>
    public Uri? TeamsWebhookUrl { get; set; }
}
