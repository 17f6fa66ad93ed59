namespace AgentTrust.Domain.Decisions;

/// <summary>The loop's decision on one action, with every reason that led to it and the pact it was made under.</summary>
public sealed record Decision(DecisionKind Kind, IReadOnlyList<string> Reasons, string PactHash, int PactVersion);
