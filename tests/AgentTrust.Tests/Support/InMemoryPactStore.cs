using System.Collections.Concurrent;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Pacts;

namespace AgentTrust.Tests.Support;

/// <summary>A pact registry in memory, for orchestration tests in the in-process test host.</summary>
internal sealed class InMemoryPactStore : IPactStore
{
    readonly ConcurrentDictionary<(string, string), StoredPact> current = new();

    public Task<StoredPact?> GetAsync(PactKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(current.TryGetValue((key.AgentId, key.Lane), out var stored) ? stored : null);

    public Task<(PublishResult Result, StoredPact? Current)> PublishAsync(Pact pact, DateTimeOffset publishedAt, CancellationToken cancellationToken = default)
    {
        var stored = new StoredPact(pact, PactHash.Compute(pact), publishedAt);
        current[(pact.AgentId, pact.Lane)] = stored;
        return Task.FromResult<(PublishResult, StoredPact?)>((PublishResult.Published, stored));
    }

    public Task<IReadOnlyList<StoredPact>> ListCurrentAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredPact>>([.. current.Values.OrderBy(p => p.Pact.AgentId, StringComparer.Ordinal).ThenBy(p => p.Pact.Lane, StringComparer.Ordinal)]);
}
