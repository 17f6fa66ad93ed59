using AgentTrust.Domain.Judging;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>One judge on one judged clause, with the time it has.</summary>
public sealed record JudgeClauseRequest(string JudgeId, JudgeRequest Request, int TimeoutMilliseconds);
