using AgentTrust.Domain.Evidence;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// A read model kept from evidence as it is recorded (the trust console's action feed). Called after the record is
/// stored and logged, by the same idempotent activity, so it must be idempotent too: a retry projects the record again.
/// </summary>
public interface IEvidenceProjection
{
    Task ProjectAsync(EvidenceDraft draft, EvidenceReceipt receipt, CancellationToken cancellationToken = default);
}
