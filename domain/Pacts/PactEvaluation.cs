namespace AgentTrust.Domain.Pacts;

/// <summary>
/// A pact's verdict on one action: whether the action type is allowed, every clause's result, and the action's
/// downside as the pact rates it (with the rule that rated it, none when low).
/// </summary>
public sealed record PactEvaluation(
    string PactHash,
    int PactVersion,
    bool ActionAllowed,
    IReadOnlyList<ClauseResult> Clauses,
    DownsideLevel Downside = DownsideLevel.Low,
    string? DownsideRule = null)
{
    public bool HasViolation(ClauseSeverity atLeast) =>
        Clauses.Any(c => c.Outcome == ClauseOutcome.Violated && c.Severity >= atLeast);
}
