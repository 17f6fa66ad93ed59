using AgentTrust.Domain.Judging;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Every verdict on one judged clause, and the policy to aggregate them with.</summary>
public sealed record AggregateJuryRequest(string ClauseId, IReadOnlyList<JudgeVerdict> Verdicts, JuryPolicy Policy);
