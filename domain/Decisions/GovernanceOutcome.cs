namespace AgentTrust.Domain.Decisions;

/// <summary>The final result of one governed action: its status, the decision behind it, and where its evidence is.</summary>
public sealed record GovernanceOutcome(
    string ActionId,
    ActionStatus Status,
    Decision Decision,
    ApprovalRecord? Approval,
    IReadOnlyList<string> Evidence);
