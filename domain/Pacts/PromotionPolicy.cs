using System.Text.Json.Serialization;

namespace AgentTrust.Domain.Pacts;

/// <summary>What an agent must prove before promotion to autonomous in the pact's lane (docs/redteam.md).</summary>
/// <param name="RedTeam">Written <c>redteam</c> in pacts (the schema's name), so a published pact round-trips.</param>
public sealed record PromotionPolicy([property: JsonPropertyName("redteam")] RedTeamBar? RedTeam = null);
