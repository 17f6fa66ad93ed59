namespace AgentTrust.Orchestrations.Approvals;

/// <summary>Human approval, bound from <c>AgentTrust:Approvals</c>.</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "AgentTrust:Approvals";

    /// <summary>
    /// HMAC-SHA256 key of the approval link tokens, base64 (at least 32 bytes). When absent, a key is created on first
    /// start in <see cref="TokenKeyPath"/> (default: next to the local evidence keys). Never logged.
    /// </summary>
    public string? TokenKey { get; set; }

    public string? TokenKeyPath { get; set; }

    /// <summary>Where approvers reach the API; the approve and reject links are built on it.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>Approver groups by name (the names pacts use in <c>approval.approverGroups</c>).</summary>
    public IDictionary<string, ApproverGroupOptions> Groups { get; } = new Dictionary<string, ApproverGroupOptions>(StringComparer.Ordinal);

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Email through Azure Communication Services instead of SMTP, when configured.</summary>
    public AcsEmailOptions AcsEmail { get; set; } = new();

    /// <summary>Table of used token nonces (single use) and refused tokens.</summary>
    public string TokenTable { get; set; } = "AgentTrustApprovalTokens";
}
