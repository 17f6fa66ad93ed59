using AgentTrust.Domain.Trust;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>One signal's effect: whether it was new, the scores after it, and where its evidence record is.</summary>
public sealed record TrustChange(TrustSignal Signal, bool Applied, TrustScore After, string EvidenceLocation);
