using AgentTrust.Domain.Pacts;

namespace AgentTrust.Orchestrations.Pacts;

/// <summary>The pact registry: published versions are immutable; the current one is what governs new actions.</summary>
public interface IPactStore
{
    Task<StoredPact?> GetAsync(PactKey key, CancellationToken cancellationToken = default);

    Task<(PublishResult Result, StoredPact? Current)> PublishAsync(Pact pact, DateTimeOffset publishedAt, CancellationToken cancellationToken = default);

    /// <summary>The current version of every agent's pact in every lane.</summary>
    Task<IReadOnlyList<StoredPact>> ListCurrentAsync(CancellationToken cancellationToken = default);
}
