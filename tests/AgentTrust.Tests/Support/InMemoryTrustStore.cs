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
            states[key] = next;
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

    public Task<IReadOnlyList<TrustState>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<TrustState>>([.. states.Values.OrderBy(s => s.AgentId, StringComparer.Ordinal).ThenBy(s => s.Lane, StringComparer.Ordinal)]);
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

    public Task PutAsync(TrustState state, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            states[(state.AgentId, state.Lane)] = state;
            return Task.CompletedTask;
        }
    }
}
