using System.Collections.Concurrent;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.Tests.Judging;

/// <summary>Evidence kept in memory for orchestration tests: append-only and idempotent by (action, sequence), like the real store.</summary>
internal sealed class InMemoryEvidenceStore : IEvidenceStore
{
    readonly ConcurrentDictionary<string, (EvidenceDraft Draft, EvidenceReceipt Receipt)> records = new(StringComparer.Ordinal);

    public IReadOnlyList<EvidenceDraft> Drafts => [.. records.Values.Select(r => r.Draft).OrderBy(d => d.Sequence)];

    public Task<EvidenceReceipt> AppendAsync(EvidenceDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var location = $"memory/{draft.ActionId}/{draft.Sequence:D4}-{draft.Kind}";
        var entry = records.GetOrAdd(location, _ => (draft, new EvidenceReceipt(location, "sha256:" + Digest.OfCanonicalJson(draft.Payload), draft.Sequence)));
        return Task.FromResult(entry.Receipt);
    }

    public Task<IReadOnlyList<StoredEvidence>> ListAsync(string agentId, string actionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredEvidence>>([]);
}
