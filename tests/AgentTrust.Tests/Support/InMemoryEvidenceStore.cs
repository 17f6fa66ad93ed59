using System.Collections.Concurrent;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.Tests.Support;

/// <summary>Evidence in memory, append-only and idempotent like the blob store, for orchestration tests.</summary>
internal sealed class InMemoryEvidenceStore : IEvidenceStore
{
    readonly ConcurrentDictionary<string, (EvidenceDraft Draft, byte[] Bytes)> records = new();

    /// <summary>Every record stored, for tests that check a refused request stored nothing.</summary>
    public int Count => records.Count;

    /// <summary>Every record with the bytes stored for it.</summary>
    public IReadOnlyList<(EvidenceDraft Draft, byte[] Bytes)> All => [.. records.Values];

    public IReadOnlyList<EvidenceDraft> For(string actionId) =>
        [.. records.Values.Select(r => r.Draft).Where(d => d.ActionId == actionId).OrderBy(d => d.Sequence)];

    public Task<EvidenceReceipt> AppendAsync(EvidenceDraft draft, CancellationToken cancellationToken = default)
    {
        var location = $"evidence/{draft.AgentId}/{draft.ActionId}/{draft.Sequence:D4}-{draft.Kind}.json";
        var stored = records.GetOrAdd(location, _ => (draft, CanonicalJson.Serialize(draft)));
        return Task.FromResult(new EvidenceReceipt(location, "sha256:" + Digest.Sha256Hex(stored.Bytes), draft.Sequence));
    }

    public Task<IReadOnlyList<StoredEvidence>> ListAsync(string agentId, string actionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredEvidence>>(
            [.. records.Where(r => r.Value.Draft.ActionId == actionId).OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new StoredEvidence(r.Key, "sha256:" + Digest.Sha256Hex(r.Value.Bytes), r.Value.Bytes))]);
}
