using AgentTrust.Domain.Evidence;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>Append-only evidence: a record once written is never replaced; writing it again returns the first receipt.</summary>
public interface IEvidenceStore
{
    Task<EvidenceReceipt> AppendAsync(EvidenceDraft draft, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredEvidence>> ListAsync(string agentId, string actionId, CancellationToken cancellationToken = default);
}
