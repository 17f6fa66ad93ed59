using AgentTrust.Domain.Agents;

namespace AgentTrust.Orchestrations.Agents;

/// <summary>What saving a profile did: the registration now current, the change, and the registration before it.</summary>
public sealed record AgentSaveResult(AgentRegistration Registration, AgentRegistrationChange Change, AgentRegistration? Previous);
