using AgentTrust.Domain.Judging;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>A human's final answer on an action whose juries could not decide: the labels the judges learn from.</summary>
public sealed record JudgeLabelsRequest(IReadOnlyList<JuryResult> Juries, bool Approved, string Approver);
