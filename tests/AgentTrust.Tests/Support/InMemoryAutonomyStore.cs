using AgentTrust.Domain.Autonomy;
using AgentTrust.Orchestrations.Autonomy;

namespace AgentTrust.Tests.Support;

/// <summary>Autonomy state in memory with versioned conditional writes, like the Table store's ETags.</summary>
internal sealed class InMemoryAutonomyStore : IAutonomyStore
{
    readonly object gate = new();
    readonly Dictionary<(string, string), (AutonomyState State, int Version)> rows = [];

    /// <summary>Conditional writes refused because another writer got there first.</summary>
    public int Conflicts { get; private set; }

    public Task<VersionedAutonomy?> GetAsync(string agentId, string lane, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.TryGetValue((agentId, lane), out var row)
                ? new VersionedAutonomy(row.State, row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : null);
        }
    }

    public Task<IReadOnlyList<AutonomyState>> ListAsync(string agentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AutonomyState>>([.. rows.Values.Select(r => r.State).Where(s => s.AgentId == agentId).OrderBy(s => s.Lane, StringComparer.Ordinal)]);
        }
    }

    public Task<bool> TryPutAsync(AutonomyState state, string? version, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var key = (state.AgentId, state.Lane);
            var exists = rows.TryGetValue(key, out var row);
            var current = exists ? row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != version)
            {
                Conflicts++;
                return Task.FromResult(false);
            }

            rows[key] = (state, exists ? row.Version + 1 : 1);
            return Task.FromResult(true);
        }
    }
}
