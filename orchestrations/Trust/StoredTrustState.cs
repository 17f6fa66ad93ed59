using AgentTrust.Domain.Trust;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>A stored trust state and its version (the row's ETag), for a replace that fails if anyone wrote since.</summary>
public sealed record StoredTrustState(TrustState State, string Version);
