namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// What one notifier sends to one recipient: the request and that recipient's own approve and reject links (each
/// carrying a single-use token bound to the action and the recipient). The links are secrets: never log them.
/// </summary>
public sealed record ApprovalNotification(ApprovalRequest Request, string Group, string Recipient, Uri ApproveUrl, Uri RejectUrl);
