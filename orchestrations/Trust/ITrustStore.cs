using AgentTrust.Domain.Trust;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>Trust state per agent and lane, updated one signal at a time, each signal at most once.</summary>
public interface ITrustStore
{
    /// <summary>Folds the signal into its agent and lane's state; concurrent writers never lose an update.</summary>
    Task<TrustApplyResult> ApplyAsync(TrustSignal signal, TrustParameters parameters, CancellationToken cancellationToken = default);

    Task<TrustState?> GetAsync(string agentId, string lane, CancellationToken cancellationToken = default);

    /// <summary>Every lane's state of one agent.</summary>
    Task<IReadOnlyList<TrustState>> ListAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>The newest signals applied to one agent and lane, newest first.</summary>
    Task<IReadOnlyList<TrustSignal>> RecentSignalsAsync(string agentId, string lane, int take, CancellationToken cancellationToken = default);

    /// <summary>Every agent's state in every lane (the lane ranking reads the whole table).</summary>
    Task<IReadOnlyList<TrustState>> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces a state with one recomputed from evidence.</summary>
    Task PutAsync(TrustState state, CancellationToken cancellationToken = default);
}
