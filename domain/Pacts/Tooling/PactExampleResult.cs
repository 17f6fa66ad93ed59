using AgentTrust.Domain.Decisions;

namespace AgentTrust.Domain.Pacts.Tooling;

/// <summary>What the pact did with one example, and every way that differs from what the example expects.</summary>
public sealed record PactExampleResult(PactExample Example, string Outcome, Decision Decision, PactEvaluation Evaluation, IReadOnlyList<string> Mismatches)
{
    public bool Passed => Mismatches.Count == 0;
}
