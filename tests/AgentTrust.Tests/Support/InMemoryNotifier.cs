using System.Collections.Concurrent;
using AgentTrust.Orchestrations.Approvals;

namespace AgentTrust.Tests.Support;

/// <summary>A notifier channel that keeps every notice, so tests can read the links an approver would receive.</summary>
internal sealed class InMemoryNotifier : INotifier
{
    readonly ConcurrentQueue<ApprovalNotification> sent = new();

    public string Channel => "memory";

    /// <summary>Groups this channel reaches; others report "no channel" so the failure is visible.</summary>
    public HashSet<string> Groups { get; } = ["service-desk-leads", "major-incident-managers"];

    /// <summary>Groups whose delivery fails, to check a failing channel is recorded and the wait goes on.</summary>
    public HashSet<string> Failing { get; } = [];

    public IReadOnlyList<ApprovalNotification> Sent => [.. sent];

    public IReadOnlyList<string> RecipientsFor(string group) => Groups.Contains(group) ? [$"lead@{group}.example.com"] : [];

    public Task<NotificationResult> NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken)
    {
        if (Failing.Contains(notification.Group))
        {
            throw new InvalidOperationException("channel down");
        }

        sent.Enqueue(notification);
        return Task.FromResult(new NotificationResult(Channel, notification.Group, notification.Recipient, true, "kept"));
    }
}
