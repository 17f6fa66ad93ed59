namespace AgentTrust.Domain.Pacts;

/// <summary>
/// At most <paramref name="MaxActions"/> actions by the agent in the lane within <paramref name="WindowMinutes"/>.
/// The caller counts the agent's earlier actions in that window and passes the count as
/// <see cref="EvaluationInput.RecentActions"/>; the pact compiles the limit into a clause named <c>rate-limit</c>.
/// </summary>
public sealed record RateLimit(int MaxActions, int WindowMinutes = 60, ClauseSeverity Severity = ClauseSeverity.Major);
