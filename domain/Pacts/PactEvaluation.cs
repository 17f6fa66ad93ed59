namespace AgentTrust.Domain.Pacts;

/// <summary>A pact's verdict on one action: whether the action type is allowed, and every clause's result.</summary>
public sealed record PactEvaluation(
    string PactHash,
    int PactVersion,
    bool ActionAllowed,
    IReadOnlyList<ClauseResult> Clauses)
{
    public bool HasViolation(ClauseSeverity atLeast) =>
        Clauses.Any(c => c.Outcome == ClauseOutcome.Violated && c.Severity >= atLeast);
}
