namespace AgentTrust.Domain.Decisions;

/// <summary>
/// How an approval wait ended: who answered and when, or that the deadline passed. Approvers' decisions and their
/// latency are evidence: <see cref="LatencySeconds"/> (decided minus requested) and <see cref="Rung"/> (0 = the first
/// approver groups, 1.. = escalation steps) feed the escalation quality metric.
/// </summary>
public sealed record ApprovalRecord(
    ActionStatus Outcome,
    string? Approver,
    string? Comment,
    DateTimeOffset DecidedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? RequestedAt = null,
    int Rung = 0,
    IReadOnlyList<string>? ApproverGroups = null,
    string? TokenId = null,
    double? LatencySeconds = null);
