namespace AgentTrust.Domain.Pacts;

/// <summary>What an agent must prove before promotion to autonomous in the pact's lane (docs/redteam.md).</summary>
public sealed record PromotionPolicy(RedTeamBar? RedTeam = null);
