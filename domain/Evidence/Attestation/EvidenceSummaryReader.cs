using System.Text.Json;

namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>
/// Reads the placing fields of a stored record with a forward-only reader and no object model: verification of a
/// million records is dominated by parsing, and the payload itself is not needed to check the log and the chains.
/// Checks the same shape as <see cref="EvidenceEnvelopes.Open"/> (DSSE envelope, in-toto Statement v1, predicate
/// type matching the kind).
/// </summary>
public static class EvidenceSummaryReader
{
    /// <summary>Throws <see cref="FormatException"/> saying why the bytes are not an evidence record.</summary>
    public static EvidenceSummary Read(ReadOnlySpan<byte> stored)
    {
        try
        {
            var payload = ReadEnvelopePayload(stored);
            return ReadStatement(payload);
        }
        catch (JsonException ex)
        {
            throw new FormatException("not an evidence record: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException("not an evidence record: " + ex.Message, ex);
        }
    }

    /// <summary>The DSSE envelope's decoded payload, after checking the envelope's shape.</summary>
    internal static byte[] ReadEnvelopePayload(ReadOnlySpan<byte> stored)
    {
        var reader = new Utf8JsonReader(stored);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "not a DSSE envelope");
        string? payloadType = null;
        byte[]? payload = null;
        var signatures = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("payloadType"u8))
            {
                reader.Read();
                payloadType = reader.GetString();
            }
            else if (reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                payload = reader.GetBytesFromBase64();
            }
            else if (reader.ValueTextEquals("signatures"u8))
            {
                reader.Read();
                Expect(reader.TokenType == JsonTokenType.StartArray, "signatures must be an array");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    signatures++;
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(payload is not null && signatures > 0, "not a DSSE envelope: payload or signatures missing");
        Expect(payloadType == DsseEnvelope.InTotoPayloadType, $"unexpected payload type '{payloadType}'");
        return payload!;
    }

    static EvidenceSummary ReadStatement(ReadOnlySpan<byte> payload)
    {
        var placing = default(Placing);
        var kind = StatementReader.Read(payload, ref placing, ReadPlacing);
        Expect(placing.Agent is not null && placing.Action is not null && placing.Sequence is not null, "predicate lacks agentId, actionId, kind or sequence");
        return new EvidenceSummary(placing.Agent!, placing.Action!, placing.Sequence!.Value, kind!, placing.Previous);
    }

    static void ReadPlacing(ref Utf8JsonReader reader, ref Placing placing)
    {
        if (reader.ValueTextEquals("agentId"u8))
        {
            reader.Read();
            placing.Agent = reader.GetString();
        }
        else if (reader.ValueTextEquals("actionId"u8))
        {
            reader.Read();
            placing.Action = reader.GetString();
        }
        else if (reader.ValueTextEquals("previousDigest"u8))
        {
            reader.Read();
            placing.Previous = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
        }
        else if (reader.ValueTextEquals("sequence"u8))
        {
            reader.Read();
            placing.Sequence = reader.GetInt32();
        }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    static void Expect(bool condition, string problem) => StatementReader.Expect(condition, problem);

    /// <summary>The placing fields of one predicate, as the walk finds them.</summary>
    struct Placing
    {
        public string? Agent;
        public string? Action;
        public string? Previous;
        public int? Sequence;
    }
}
