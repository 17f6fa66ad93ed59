namespace AgentTrust.Orchestrations.Approvals;

/// <summary>Input of <see cref="NotifyApproversActivity"/>.</summary>
public sealed record NotifyApproversRequest(ApprovalRequest Request);
