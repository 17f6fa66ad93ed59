using AgentTrust.Domain.Autonomy;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>
/// The live autonomy state per agent and lane, with optimistic concurrency: a write names the version it read
/// (null for a lane with no state yet) and fails, returning false, when another writer got there first.
/// </summary>
public interface IAutonomyStore
{
    Task<VersionedAutonomy?> GetAsync(string agentId, string lane, CancellationToken cancellationToken = default);

    /// <summary>Every lane's state of one agent, by lane.</summary>
    Task<IReadOnlyList<AutonomyState>> ListAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>Writes the state if the stored version is still <paramref name="version"/> (null: if none is stored).</summary>
    Task<bool> TryPutAsync(AutonomyState state, string? version, CancellationToken cancellationToken = default);
}
