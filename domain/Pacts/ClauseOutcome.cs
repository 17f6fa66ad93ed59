namespace AgentTrust.Domain.Pacts;

/// <summary>The result of one clause on one action.</summary>
public enum ClauseOutcome
{
    Passed,
    Violated,
    NotApplicable,

    /// <summary>The expression could not be evaluated on this input (e.g. a missing field): never a pass.</summary>
    Error,

    /// <summary>A judged clause, waiting for the jury.</summary>
    Deferred,
}
