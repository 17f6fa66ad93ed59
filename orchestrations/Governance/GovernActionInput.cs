using AgentTrust.Domain.Actions;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>The input of one governed action: the proposal as accepted, and when the API accepted it.</summary>
public sealed record GovernActionInput(ProposedAction Action, DateTimeOffset ReceivedAt);
