using AgentTrust.Domain.Evidence;
using AgentTrust.Orchestrations.Evidence;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Appends one evidence record. Idempotent: a retry returns the receipt of the record already written.</summary>
public sealed class RecordEvidenceActivity(IEvidenceStore evidence) : TaskActivity<EvidenceDraft, EvidenceReceipt>
{
    public override Task<EvidenceReceipt> RunAsync(TaskActivityContext context, EvidenceDraft input) => evidence.AppendAsync(input);
}
