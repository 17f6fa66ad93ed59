using AgentTrust.Domain.Decisions;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// The custom status a running governed action publishes, so readers see where it stands (evaluating, or waiting
/// for a human, on which rung of the escalation ladder and until when) without replaying its history.
/// </summary>
public sealed record ActionProgress(
    ActionStatus Status,
    Decision? Decision = null,
    DateTimeOffset? ApprovalDeadline = null,
    IReadOnlyList<string>? ApproverGroups = null,
    int? ApprovalRung = null,
    DateTimeOffset? RungDeadline = null,
    DateTimeOffset? ApprovalRequestedAt = null)
{
    /// <summary>True while a human may still answer: on the first rung or escalated.</summary>
    public bool AwaitsHuman => Status is ActionStatus.AwaitingApproval or ActionStatus.Escalated;

    /// <summary>The version of the workflow governing the action (null for workflows started before versioning).</summary>
    public string? WorkflowVersion { get; init; }
}
