using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Everything the decision is a function of.</summary>
public sealed record DecideRequest(Pact Pact, PactEvaluation Evaluation, ProposedAction Action, IReadOnlyList<JuryResult>? Juries = null);
