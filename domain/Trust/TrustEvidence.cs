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

    /// <summary>
    /// The signal in a stored record, or null when the record is not a trust change. Throws <see cref="FormatException"/>
    /// for a malformed record. Read forward-only (no object model of the envelope or the statement): a recomputation
    /// reads a million of these, and of the whole statement only the predicate's kind and signal are needed.
    /// </summary>
    public static TrustSignal? ReadSignal(ReadOnlySpan<byte> stored)
    {
        try
        {
            return ReadStatementSignal(EvidenceSummaryReader.ReadEnvelopePayload(stored));
        }
        catch (JsonException ex)
        {
            throw new FormatException("trust-change record is malformed: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException("not an evidence record: " + ex.Message, ex);
        }
    }

    static TrustSignal? ReadStatementSignal(ReadOnlySpan<byte> payload)
    {
        TrustSignal? signal = null;
        if (StatementReader.Read(payload, ref signal, ReadPayload, onlyKind: EvidenceKinds.TrustChange) is null)
        {
            // Not a trust change: nothing more of it is needed.
            return null;
        }

        return signal ?? throw new FormatException("trust-change record has no signal");
    }

    static void ReadPayload(ref Utf8JsonReader reader, ref TrustSignal? signal)
    {
        if (reader.ValueTextEquals("payload"u8))
        {
            reader.Read();
            signal = ReadPayloadSignal(ref reader);
        }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    static TrustSignal? ReadPayloadSignal(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "trust-change payload must be an object");
        TrustSignal? signal = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("signal"u8))
            {
                reader.Read();
                signal = JsonSerializer.Deserialize<TrustSignal>(ref reader, JsonDefaults.Options);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return signal;
    }

    static void Expect(bool condition, string problem) => StatementReader.Expect(condition, problem);
}
