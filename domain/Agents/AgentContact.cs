namespace AgentTrust.Domain.Agents;

/// <summary>Whom to tell about the agent (consequences, red-team results): an address, and optionally a name.</summary>
public sealed record AgentContact(string Email, string? Name = null);
