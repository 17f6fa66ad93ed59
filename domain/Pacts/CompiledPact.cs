namespace AgentTrust.Domain.Pacts;

/// <summary>
/// A pact compiled once and evaluated many times. Evaluation is pure and thread-safe: the same input gives the
/// same result, on any thread, in any culture.
/// </summary>
public abstract class CompiledPact
{
    protected CompiledPact(Pact pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        Pact = pact;
        Hash = PactHash.Compute(pact);
        AllowedActions = new HashSet<string>(pact.AllowedActions, StringComparer.Ordinal);
    }

    public Pact Pact { get; }

    /// <summary>The content hash pinned by every evaluation made with this pact.</summary>
    public string Hash { get; }

    protected IReadOnlySet<string> AllowedActions { get; }

    public abstract PactEvaluation Evaluate(EvaluationInput input);
}
