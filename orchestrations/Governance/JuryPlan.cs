using AgentTrust.Domain.Judging;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Which judges sit on the jury and how their verdicts are aggregated, fixed once per action.</summary>
public sealed record JuryPlan(IReadOnlyList<string> JudgeIds, JuryPolicy Policy);
