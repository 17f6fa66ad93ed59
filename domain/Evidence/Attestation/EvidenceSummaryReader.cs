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
        var reader = new Utf8JsonReader(payload);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "payload is not a statement");
        string? type = null;
        string? predicateType = null;
        string? agent = null;
        string? action = null;
        string? kind = null;
        string? previous = null;
        int? sequence = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("_type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("predicateType"u8))
            {
                reader.Read();
                predicateType = reader.GetString();
            }
            else if (reader.ValueTextEquals("predicate"u8))
            {
                reader.Read();
                Expect(reader.TokenType == JsonTokenType.StartObject, "predicate must be an object");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("agentId"u8))
                    {
                        reader.Read();
                        agent = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("actionId"u8))
                    {
                        reader.Read();
                        action = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("kind"u8))
                    {
                        reader.Read();
                        kind = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("previousDigest"u8))
                    {
                        reader.Read();
                        previous = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    }
                    else if (reader.ValueTextEquals("sequence"u8))
                    {
                        reader.Read();
                        sequence = reader.GetInt32();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(type == Attestation.InTotoStatement.TypeV1, "payload is not an in-toto Statement v1");
        Expect(agent is not null && action is not null && kind is not null && sequence is not null, "predicate lacks agentId, actionId, kind or sequence");
        Expect(predicateType == EvidenceKinds.PredicateType(kind!), $"predicate type '{predicateType}' does not match kind '{kind}'");
        return new EvidenceSummary(agent!, action!, sequence!.Value, kind!, previous);
    }

    static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new FormatException(problem);
        }
    }
}
