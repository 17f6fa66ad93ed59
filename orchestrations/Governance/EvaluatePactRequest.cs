using AgentTrust.Domain.Actions;
using AgentTrust.Orchestrations.Pacts;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Evaluate this action under this pact, at the workflow's own time (never a clock read in the activity).</summary>
public sealed record EvaluatePactRequest(StoredPact Pact, ProposedAction Action, DateTimeOffset Now);
