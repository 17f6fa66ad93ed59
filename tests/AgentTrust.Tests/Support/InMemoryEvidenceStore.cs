using System.Collections.Concurrent;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.Tests.Support;

/// <summary>
/// Evidence in memory, append-only and idempotent like the blob store (the first record of a name stands, and a
/// later append gets its receipt marked <see cref="EvidenceReceipt.Existing"/>), sealed as the blob store seals it, for
/// orchestration tests.
/// </summary>
internal sealed class InMemoryEvidenceStore : IEvidenceStore
{
    readonly ConcurrentDictionary<string, (EvidenceDraft Draft, byte[] Bytes)> records = new();
    // One key for every in-memory store of the test run: these records are never verified against a published key.
    static readonly LocalEcdsaSigner Signer = LocalEcdsaSigner.Generate();

    /// <summary>Every record stored, for tests that check a refused request stored nothing.</summary>
    public int Count => records.Count;

    /// <summary>Every record with the bytes stored for it.</summary>
    public IReadOnlyList<(EvidenceDraft Draft, byte[] Bytes)> All => [.. records.Values];

    public IReadOnlyList<EvidenceDraft> For(string actionId) =>
        [.. records.Values.Select(r => r.Draft).Where(d => d.ActionId == actionId).OrderBy(d => d.Sequence)];

    public async Task<EvidenceReceipt> AppendAsync(EvidenceDraft draft, CancellationToken cancellationToken = default)
    {
        var location = $"evidence/{draft.AgentId}/{draft.ActionId}/{draft.Sequence:D4}-{draft.Kind}.json";
        var sealedBytes = await EvidenceEnvelopes.SealAsync(draft, Signer, cancellationToken);
        var stored = records.GetOrAdd(location, (draft, sealedBytes));
        var existing = !ReferenceEquals(stored.Bytes, sealedBytes);
        return new EvidenceReceipt(location, EvidenceEnvelopes.RecordDigest(stored.Bytes), draft.Sequence, Existing: existing);
    }

    public Task<IReadOnlyList<StoredEvidence>> ListAsync(string agentId, string actionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredEvidence>>(
            [.. records.Where(r => r.Value.Draft.AgentId == agentId && r.Value.Draft.ActionId == actionId).OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new StoredEvidence(r.Key, EvidenceEnvelopes.RecordDigest(r.Value.Bytes), r.Value.Bytes))]);
}
