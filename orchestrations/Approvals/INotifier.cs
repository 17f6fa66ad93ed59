namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// The one port every approval channel (Teams, email, ...) implements. A notifier knows which of its recipients
/// stand for an approver group, and sends them a notice. Expected failures (a refused webhook, an SMTP error) are
/// returned as an undelivered result, not thrown.
/// </summary>
public interface INotifier
{
    /// <summary>Short channel name recorded in evidence, e.g. <c>teams</c> or <c>email</c>.</summary>
    string Channel { get; }

    /// <summary>The recipients this channel has for the group (empty when the group is not configured here).</summary>
    IReadOnlyList<string> RecipientsFor(string group);

    Task<NotificationResult> NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken);
}
