namespace AgentTrust.Orchestrations.Governance;

/// <summary>Record this action in the agent's lane index and count the agent's actions there in the window before it.</summary>
public sealed record RecentActionsQuery(string AgentId, string Lane, string ActionId, DateTimeOffset At, int WindowMinutes);
