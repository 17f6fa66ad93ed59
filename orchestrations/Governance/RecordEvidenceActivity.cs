using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Orchestrations.Evidence;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Appends one evidence record, then updates the read models kept from evidence (none, or the console's action feed).
/// Idempotent: a retry returns the receipt of the record already written and projects that record again to the same rows.
/// </summary>
public sealed class RecordEvidenceActivity(IEvidenceStore evidence, IEnumerable<IEvidenceProjection> projections) : TaskActivity<EvidenceDraft, EvidenceReceipt>
{
    public override async Task<EvidenceReceipt> RunAsync(TaskActivityContext context, EvidenceDraft input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var receipt = await evidence.AppendAsync(input).ConfigureAwait(false);
        // A retry projects the record that stands: a step re-run after a crash carries the re-run's time, and read
        // models keyed by time would otherwise gain a second row for the same action.
        var stored = receipt.Existing
            ? EvidenceEnvelopes.Open((await evidence.ReadStoredAsync(input, receipt).ConfigureAwait(false)).Content.Span).Draft
            : input;
        foreach (var projection in projections)
        {
            await projection.ProjectAsync(stored, receipt).ConfigureAwait(false);
        }

        Telemetry.AgentTrustTelemetry.RecordStage("evidence", started, input.Lane);
        return receipt;
    }
}
