namespace AgentTrust.Orchestrations.Pacts;

/// <summary>Which pact governs an action: the agent and the lane, optionally a fixed version.</summary>
public sealed record PactKey(string AgentId, string Lane, int? Version = null);
