namespace AgentTrust.Domain.Decisions;

/// <summary>How an approval wait ended: who answered and when, or that the deadline passed.</summary>
public sealed record ApprovalRecord(ActionStatus Outcome, string? Approver, string? Comment, DateTimeOffset DecidedAt, DateTimeOffset Deadline);
