using AgentTrust.Domain.Agents;

namespace AgentTrust.Orchestrations.Agents;

/// <summary>
/// The agent registry: the current registration of each agent, and the registration each version started with
/// (never replaced). Saving applies <see cref="AgentVersioning.Next"/> under optimistic concurrency, so two
/// registrations at once cannot both take the same version.
/// </summary>
public interface IAgentRegistry
{
    Task<AgentSaveResult> SaveAsync(AgentProfile profile, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The current registration, or with <paramref name="version"/> the one that version started with.</summary>
    Task<AgentRegistration?> GetAsync(string agentId, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Every version's starting registration of one agent, oldest first.</summary>
    Task<IReadOnlyList<AgentRegistration>> VersionsAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>Current registrations ordered by id, optionally only those working in <paramref name="lane"/>.</summary>
    Task<IReadOnlyList<AgentRegistration>> ListAsync(string? lane = null, CancellationToken cancellationToken = default);
}
