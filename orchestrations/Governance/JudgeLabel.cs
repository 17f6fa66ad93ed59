namespace AgentTrust.Orchestrations.Governance;

/// <summary>One human label: whether the judged clause holds, as the person who settled the action decided.</summary>
public sealed record JudgeLabel(string ClauseId, bool Holds, string Approver, IReadOnlyList<string> JudgesAgreeing, IReadOnlyList<string> JudgesDisagreeing);
