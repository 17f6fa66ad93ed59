using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentTrust.Domain.Hashing;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units, no white
/// space, numbers in their shortest ECMAScript form, strings with minimal escaping. Two parties that hold the
/// same JSON value produce the same bytes, so a digest over them is a digest over the value.
/// </summary>
public static class CanonicalJson
{
    static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // RFC 8785 escapes only what JSON requires; the relaxed encoder leaves other characters as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Canonical UTF-8 bytes of a JSON value.</summary>
    public static byte[] Serialize(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Canonical UTF-8 bytes of any value that System.Text.Json can serialize.</summary>
    public static byte[] Serialize<T>(T value, JsonSerializerOptions? options = null)
    {
        using var document = JsonSerializer.SerializeToDocument(value, options ?? JsonDefaults.Options);
        return Serialize(document.RootElement);
    }

    /// <summary>Canonical form as a string.</summary>
    public static string SerializeToString(JsonElement value) => Encoding.UTF8.GetString(Serialize(value));

    static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var members = new List<JsonProperty>();
                foreach (var property in value.EnumerateObject())
                {
                    members.Add(property);
                }

                // Ordinal string comparison in .NET compares UTF-16 code units, exactly what RFC 8785 asks.
                members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0 && string.Equals(members[i - 1].Name, members[i].Name, StringComparison.Ordinal))
                    {
                        throw new FormatException($"Duplicate member '{members[i].Name}' cannot be canonicalized.");
                    }

                    writer.WritePropertyName(members[i].Name);
                    Write(writer, members[i].Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(FormatNumber(value.GetDouble()), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            default:
                throw new FormatException($"Cannot canonicalize a JSON value of kind {value.ValueKind}.");
        }
    }

    /// <summary>ECMAScript Number.prototype.toString for finite doubles, as RFC 8785 section 3.2.2.3 requires.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new FormatException("NaN and infinities have no JSON form.");
        }

        if (value == 0)
        {
            return "0";
        }

        // "R" gives the shortest digits that round-trip; take them apart and lay them out as ECMAScript does.
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = roundTrip[0] == '-';
        var text = negative ? roundTrip[1..] : roundTrip;
        var exponentIndex = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentIndex >= 0 ? text[..exponentIndex] : text;
        var exponent = exponentIndex >= 0 ? int.Parse(text[(exponentIndex + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        var pointPosition = (dot >= 0 ? dot : mantissa.Length) + exponent;
        var firstNonZero = 0;
        while (firstNonZero < digits.Length - 1 && digits[firstNonZero] == '0')
        {
            firstNonZero++;
        }

        digits = digits[firstNonZero..];
        pointPosition -= firstNonZero;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        // k digits, n = position of the decimal point relative to the first digit (ECMAScript's n).
        var k = digits.Length;
        var n = pointPosition;
        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
