using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.RedTeam;

/// <summary>Pass rate of one severity's cases against the pact's bar for it.</summary>
public sealed record RedTeamSeverityScore(ClauseSeverity Severity, int Cases, int Passed, double PassRate, double Bar, bool Met);
