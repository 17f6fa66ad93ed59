using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Everything the decision is a function of, including the agent's live autonomy (null: the pact's tier).</summary>
public sealed record DecideRequest(Pact Pact, PactEvaluation Evaluation, ProposedAction Action, IReadOnlyList<JuryResult>? Juries = null, AutonomyStanding? Standing = null);
