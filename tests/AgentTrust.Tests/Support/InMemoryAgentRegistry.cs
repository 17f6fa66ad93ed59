using AgentTrust.Domain.Agents;
using AgentTrust.Orchestrations.Agents;

namespace AgentTrust.Tests.Support;

/// <summary>The agent registry in memory, deciding versions with the same rule as the Table store.</summary>
internal sealed class InMemoryAgentRegistry : IAgentRegistry
{
    readonly object gate = new();
    readonly Dictionary<string, AgentRegistration> current = new(StringComparer.Ordinal);
    readonly Dictionary<(string, int), AgentRegistration> versions = [];

    public Task<AgentSaveResult> SaveAsync(AgentProfile profile, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var before = current.GetValueOrDefault(profile.AgentId);
            var (next, change) = AgentVersioning.Next(before, profile, now);
            current[profile.AgentId] = next;
            versions.TryAdd((profile.AgentId, next.Version), next);
            return Task.FromResult(new AgentSaveResult(next, change, before));
        }
    }

    public Task<AgentRegistration?> GetAsync(string agentId, int? version = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(version is { } v ? versions.GetValueOrDefault((agentId, v)) : current.GetValueOrDefault(agentId));
        }
    }

    public Task<IReadOnlyList<AgentRegistration>> VersionsAsync(string agentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AgentRegistration>>([.. versions.Where(v => v.Key.Item1 == agentId).Select(v => v.Value).OrderBy(v => v.Version)]);
        }
    }

    public Task<IReadOnlyList<AgentRegistration>> ListAsync(string? lane = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AgentRegistration>>(
                [.. current.Values.Where(a => lane is null || a.Profile.Lanes.Contains(lane)).OrderBy(a => a.Profile.AgentId, StringComparer.Ordinal)]);
        }
    }
}
