namespace AgentTrust.Domain.Pacts;

/// <summary>One measurable promise of a pact.</summary>
/// <param name="Id">Stable identifier, unique within the pact.</param>
/// <param name="Condition">A CEL expression over <c>action</c>, <c>ticket</c> and <c>context</c> that holds when the
/// clause is kept; for a judged clause, the question the jury answers.</param>
/// <param name="Severity">What breaking it means for the decision.</param>
/// <param name="Method">Deterministic (the expression decides) or judged (the jury decides).</param>
/// <param name="When">An optional CEL guard: when it is false the clause is not applicable.</param>
/// <param name="Description">What the clause protects, for people reading the evidence.</param>
/// <param name="TrustCost">What a violation costs: trust points taken from the agent in this lane (0-100).</param>
public sealed record PactClause(
    string Id,
    string Condition,
    ClauseSeverity Severity,
    VerificationMethod Method = VerificationMethod.Deterministic,
    string? When = null,
    string? Description = null,
    int? TrustCost = null);
