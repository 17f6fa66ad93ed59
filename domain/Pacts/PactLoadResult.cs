namespace AgentTrust.Domain.Pacts;

/// <summary>A loaded pact, or every problem that kept it from loading (then <see cref="Pact"/> is null).</summary>
public sealed record PactLoadResult(Pact? Pact, IReadOnlyList<PactError> Errors)
{
    public bool Succeeded => Pact is not null && Errors.Count == 0;
}
