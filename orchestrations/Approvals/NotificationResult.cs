namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// How one notice went, recorded as evidence: channel, group, recipient, delivered or not and why. Never holds a
/// token or a webhook URL; <see cref="TokenIds"/> are the tokens' public ids (their nonces), which let an answer be
/// traced to the notice that carried it.
/// </summary>
public sealed record NotificationResult(
    string Channel,
    string Group,
    string? Recipient,
    bool Delivered,
    string Detail,
    IReadOnlyList<string>? TokenIds = null);
