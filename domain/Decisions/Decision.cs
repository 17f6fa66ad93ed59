namespace AgentTrust.Domain.Decisions;

/// <summary>
/// The loop's decision on one action, with every reason that led to it, the pact it was made under and the agent's
/// autonomy tier it was made under (null for decisions made before a pact was found).
/// </summary>
public sealed record Decision(DecisionKind Kind, IReadOnlyList<string> Reasons, string PactHash, int PactVersion, Pacts.AutonomyTier? Tier = null);
