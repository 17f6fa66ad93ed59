using AgentTrust.Domain.Autonomy;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>A stored autonomy state and the version (ETag) a conditional write must name.</summary>
public sealed record VersionedAutonomy(AutonomyState State, string Version);
