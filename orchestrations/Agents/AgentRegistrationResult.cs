using AgentTrust.Domain.Agents;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.Orchestrations.Agents;

/// <summary>A registration's result: what is current, what changed, where its evidence is, and the trust it discounted.</summary>
public sealed record AgentRegistrationResult(
    AgentRegistration Registration,
    AgentRegistrationChange Change,
    string EvidenceLocation,
    IReadOnlyList<TrustChange> TrustDiscounts);
