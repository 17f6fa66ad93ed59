namespace AgentTrust.Domain.RedTeam;

/// <summary>A run's score: per severity, and whether every severity meets the pact's bar (the promotion gate).</summary>
public sealed record RedTeamScore(int Cases, int Passed, IReadOnlyList<RedTeamSeverityScore> Severities, bool PassedBar);
