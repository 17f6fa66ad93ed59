using System.Text.Json;

namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>
/// Walks an evidence record's in-toto Statement forward-only, with no object model: a recomputation or a verification
/// reads a million of these and needs a few predicate fields of each. Checks what every reader relies on (Statement v1,
/// a predicate object with a kind, a predicate type matching that kind) and hands each other predicate property to
/// the caller, who reads only what it needs.
/// </summary>
internal static class StatementReader
{
    /// <summary>
    /// Reads one predicate property into <paramref name="state"/>. The reader is on the property's name; the callback
    /// must consume its value (<c>Read</c> then a getter, or <c>Read</c> then <c>Skip</c>).
    /// </summary>
    internal delegate void PredicateProperty<TState>(ref Utf8JsonReader reader, ref TState state);

    /// <summary>
    /// The statement's kind, after every predicate property went through <paramref name="property"/>. With
    /// <paramref name="onlyKind"/>, a statement of another kind is left unread from its kind on and null is returned
    /// (canonical JSON orders keys, and <c>kind</c> sorts before the payload). Throws <see cref="FormatException"/>, or
    /// <see cref="JsonException"/> for bytes that are not JSON, when the statement is malformed.
    /// </summary>
    internal static string? Read<TState>(ReadOnlySpan<byte> payload, ref TState state, PredicateProperty<TState> property, string? onlyKind = null)
    {
        var reader = new Utf8JsonReader(payload);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "payload is not a statement");
        string? type = null;
        string? predicateType = null;
        string? kind = null;
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
                    if (reader.ValueTextEquals("kind"u8))
                    {
                        reader.Read();
                        kind = reader.GetString();
                        if (onlyKind is not null && !string.Equals(kind, onlyKind, StringComparison.Ordinal))
                        {
                            return null;
                        }
                    }
                    else
                    {
                        property(ref reader, ref state);
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(type == InTotoStatement.TypeV1, "payload is not an in-toto Statement v1");
        Expect(kind is not null, "predicate lacks its kind");
        Expect(predicateType == EvidenceKinds.PredicateType(kind!), $"predicate type '{predicateType}' does not match kind '{kind}'");
        return kind;
    }

    internal static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new FormatException(problem);
        }
    }
}
