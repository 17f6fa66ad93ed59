namespace AgentTrust.Domain.Pacts;

/// <summary>One clause's result with what it saw, so a reviewer can tell why.</summary>
public sealed record ClauseResult(
    string ClauseId,
    ClauseOutcome Outcome,
    ClauseSeverity Severity,
    string? Message = null);
