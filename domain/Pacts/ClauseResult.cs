namespace AgentTrust.Domain.Pacts;

/// <summary>One clause's result, with the values it saw when it did not pass, so a reviewer can tell why.</summary>
/// <param name="Observed">The input values the clause read (path to value, invariant text); set for violations and
/// errors. A pass carries none, which keeps the common path allocation-free.</param>
public sealed record ClauseResult(
    string ClauseId,
    ClauseOutcome Outcome,
    ClauseSeverity Severity,
    string? Message = null,
    IReadOnlyDictionary<string, string>? Observed = null);
