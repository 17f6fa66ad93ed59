using AgentTrust.Domain.Evidence;
using AgentTrust.Orchestrations.Evidence;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Appends one evidence record, then updates the read models kept from evidence (none, or the console's action feed).
/// Idempotent: a retry returns the receipt of the record already written and projects it again to the same rows.
/// </summary>
public sealed class RecordEvidenceActivity(IEvidenceStore evidence, IEnumerable<IEvidenceProjection> projections) : TaskActivity<EvidenceDraft, EvidenceReceipt>
{
    public override async Task<EvidenceReceipt> RunAsync(TaskActivityContext context, EvidenceDraft input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var receipt = await evidence.AppendAsync(input).ConfigureAwait(false);
        foreach (var projection in projections)
        {
            await projection.ProjectAsync(input, receipt).ConfigureAwait(false);
        }

        Telemetry.AgentTrustTelemetry.RecordStage("evidence", started, input.Lane);
        return receipt;
    }
}
