namespace AgentTrust.Domain.Evaluation;

/// <summary>Where the governed loop sent one action, as the API recorded it.</summary>
public enum GovernedRoute
{
    /// <summary>Applied without a person (API status <c>applied</c>).</summary>
    Applied,

    /// <summary>A person was asked (API status <c>approved</c>, <c>rejected</c> or <c>expired</c>).</summary>
    Human,

    /// <summary>Refused by the pact (API status <c>blocked</c>): a person handles the ticket instead.</summary>
    Blocked,

    /// <summary>Recorded but never applied (API status <c>shadowed</c>): a person handles the ticket instead.</summary>
    Shadowed,
}
