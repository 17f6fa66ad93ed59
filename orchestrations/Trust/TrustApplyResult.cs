using AgentTrust.Domain.Trust;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>The state after an update, and whether this call changed it (false: the signal was applied before).</summary>
public sealed record TrustApplyResult(bool Applied, TrustState State);
