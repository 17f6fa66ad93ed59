using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Trust;

/// <summary>
/// Trust changes as evidence records: every applied signal is written to the agent's log as a <c>trust-change</c>
/// record holding the signal itself, so the scores can be recomputed from the log alone. The record is one chain of
/// its own (action id derived from the signal), which makes writing it idempotent.
/// </summary>
public static class TrustEvidence
{
    /// <summary>The evidence draft of one signal; the same signal always gives the same draft.</summary>
    public static EvidenceDraft Draft(TrustSignal signal, string ticketSystem, string ticketId)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var body = JsonSerializer.SerializeToElement(new TrustChangeRecord(signal), JsonDefaults.Options);
        return new EvidenceDraft(
            ChainId(signal), 0, EvidenceKinds.TrustChange, signal.AgentId, signal.Lane, ticketSystem, ticketId,
            "sha256:" + Digest.OfCanonicalJson(signal), PreviousDigest: null, signal.OccurredAt, body);
    }

    /// <summary><c>trust-</c> and 32 hex digits of the agent, lane and signal id.</summary>
    public static string ChainId(TrustSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return "trust-" + Digest.Sha256Hex(signal.AgentId + "\n" + signal.Lane + "\n" + signal.SignalId)[..32];
    }

    /// <summary>The signal in a stored record, or null when the record is not a trust change. Throws <see cref="FormatException"/> for a malformed record.</summary>
    public static TrustSignal? ReadSignal(ReadOnlySpan<byte> stored)
    {
        var opened = EvidenceEnvelopes.Open(stored);
        if (!string.Equals(opened.Draft.Kind, EvidenceKinds.TrustChange, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return opened.Draft.Payload.Deserialize<TrustChangeRecord>(JsonDefaults.Options)?.Signal
                ?? throw new FormatException("trust-change record has no signal");
        }
        catch (JsonException ex)
        {
            throw new FormatException("trust-change record is malformed: " + ex.Message, ex);
        }
    }
}
