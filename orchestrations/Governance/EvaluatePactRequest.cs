using AgentTrust.Domain.Actions;
using AgentTrust.Orchestrations.Pacts;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Evaluate this action under this pact, at the workflow's own time (never a clock read in the activity).</summary>
/// <param name="RecentActions">The agent's actions in the lane within the pact's rate-limit window before this one.</param>
public sealed record EvaluatePactRequest(StoredPact Pact, ProposedAction Action, DateTimeOffset Now, int RecentActions = 0);
