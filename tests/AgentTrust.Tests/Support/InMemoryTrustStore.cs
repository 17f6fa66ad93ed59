using System.Collections.Concurrent;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.Tests.Support;

/// <summary>Trust state in memory, each signal applied once like the Table store, for orchestration tests.</summary>
internal sealed class InMemoryTrustStore : ITrustStore
{
    readonly object gate = new();
    readonly Dictionary<(string, string), TrustState> states = [];
    readonly Dictionary<(string, string), List<TrustSignal>> signals = [];
    readonly Dictionary<(string, string), long> versions = [];

    public Task<TrustApplyResult> ApplyAsync(TrustSignal signal, TrustParameters parameters, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var key = (signal.AgentId, signal.Lane);
            var current = states.GetValueOrDefault(key) ?? TrustState.New(signal.AgentId, signal.Lane);
            var applied = signals.TryGetValue(key, out var list) ? list : signals[key] = [];
            if (applied.Any(s => s.SignalId == signal.SignalId))
            {
                return Task.FromResult(new TrustApplyResult(false, current));
            }

            applied.Add(signal);
            var next = TrustFold.Apply(current, signal, parameters);
            Store(next);
            return Task.FromResult(new TrustApplyResult(true, next));
        }
    }

    public Task<TrustState?> GetAsync(string agentId, string lane, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(states.GetValueOrDefault((agentId, lane)));
        }
    }

    public Task<IReadOnlyList<TrustState>> ListAsync(string agentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<TrustState>>([.. states.Values.Where(s => s.AgentId == agentId).OrderBy(s => s.Lane, StringComparer.Ordinal)]);
        }
    }

    public Task<IReadOnlyList<TrustSignal>> RecentSignalsAsync(string agentId, string lane, int take, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<TrustSignal>>(
                [.. (signals.GetValueOrDefault((agentId, lane)) ?? []).OrderByDescending(s => s.OccurredAt).Take(take)]);
        }
    }

    public Task<IReadOnlyList<StoredTrustState>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<StoredTrustState>>(
                [.. states.Select(s => new StoredTrustState(s.Value, versions[s.Key].ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        }
    }

    public Task<bool> ReplaceAsync(TrustState state, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var current = versions.TryGetValue((state.AgentId, state.Lane), out var v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != expectedVersion)
            {
                return Task.FromResult(false);
            }

            Store(state);
            return Task.FromResult(true);
        }
    }

    public Task PutAsync(TrustState state, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            Store(state);
            return Task.CompletedTask;
        }
    }

    void Store(TrustState state)
    {
        var key = (state.AgentId, state.Lane);
        states[key] = state;
        versions[key] = versions.GetValueOrDefault(key) + 1;
    }
}
