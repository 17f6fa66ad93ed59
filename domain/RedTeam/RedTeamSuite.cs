namespace AgentTrust.Domain.RedTeam;

/// <summary>A lane's adversarial suite: its cases and the time they are evaluated at (pacts may read the clock).</summary>
public sealed record RedTeamSuite(string Lane, int Version, DateTimeOffset Now, IReadOnlyList<RedTeamCase> Cases, string? Description = null);
