using AgentTrust.Domain.Evidence;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>Reading back the record a retried append found stored.</summary>
public static class EvidenceStoreExtensions
{
    /// <summary>
    /// The record that stands for <paramref name="draft"/> when its append found one stored before
    /// (<see cref="EvidenceReceipt.Existing"/>). Its content can differ from the draft: a workflow step re-run after a
    /// crash builds its draft again, with the re-run's time. Whatever acts on the record (a score, a read model) acts
    /// on this one, so it agrees with the evidence.
    /// </summary>
    public static async Task<StoredEvidence> ReadStoredAsync(this IEvidenceStore store, EvidenceDraft draft, EvidenceReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(receipt);
        var records = await store.ListAsync(draft.AgentId, draft.ActionId, cancellationToken).ConfigureAwait(false);
        return records.FirstOrDefault(r => string.Equals(r.Location, receipt.Location, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The evidence store reported {receipt.Location} as stored but does not list it.");
    }
}
