namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// Azure Communication Services Email, bound from <c>AgentTrust:Approvals:AcsEmail</c>. The channel is on only when
/// <see cref="Endpoint"/>, <see cref="AccessKey"/> and <see cref="SenderAddress"/> are all set; configure ACS or SMTP
/// for email, not both (each configured channel sends its own notice).
/// </summary>
public sealed class AcsEmailOptions
{
    /// <summary>The resource endpoint, e.g. <c>https://contoso.communication.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource's access key (base64), a secret: from Key Vault / app settings, never logged or recorded.</summary>
    public string? AccessKey { get; set; }

    /// <summary>A sender address of a domain connected to the resource, e.g. <c>DoNotReply@contoso.com</c>.</summary>
    public string? SenderAddress { get; set; }

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(AccessKey) && !string.IsNullOrWhiteSpace(SenderAddress);
}
