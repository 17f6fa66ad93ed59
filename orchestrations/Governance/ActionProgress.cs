using AgentTrust.Domain.Decisions;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// The custom status a running governed action publishes, so readers see where it stands (evaluating, or waiting
/// for a human and until when) without replaying its history.
/// </summary>
public sealed record ActionProgress(
    ActionStatus Status,
    Decision? Decision = null,
    DateTimeOffset? ApprovalDeadline = null,
    IReadOnlyList<string>? ApproverGroups = null);
