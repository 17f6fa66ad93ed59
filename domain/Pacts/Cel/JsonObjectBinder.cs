using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// Binds every field the clauses read from one JSON object in a single forward pass over its UTF-8 text (no
/// per-field lookup, no intermediate objects), converting each value by its declared type. A name given twice
/// binds its last value, as JSON lookups do. Fields the object lacks stay missing.
/// </summary>
internal static class JsonObjectBinder
{
    [ThreadStatic]
    static List<CelValue>? listBuffer;

    public static void Bind(JsonElement container, ObjectField[] fields, CelValue[] slots)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            slots[fields[i].Slot] = CelValue.Missing;
        }

        if (fields.Length == 0 || container.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(container));
        reader.Read(); // the object's start
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ObjectField? match = null;
            for (var i = 0; i < fields.Length; i++)
            {
                if (reader.ValueTextEquals(fields[i].Name))
                {
                    match = fields[i];
                    break;
                }
            }

            reader.Read();
            if (match is null)
            {
                reader.Skip();
                continue;
            }

            slots[match.Slot] = Read(ref reader, match.Path, match.Type);
        }
    }

    static CelValue Read(ref Utf8JsonReader reader, string path, FieldType? type)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return CelValue.Null;
            case JsonTokenType.StartObject:
                reader.Skip();
                return type is null
                    ? CelValue.Error($"{path} holds a nested object, which pact expressions do not read")
                    : WrongType(path, Expected(type.Value), "object");
            case JsonTokenType.StartArray:
                return ReadList(ref reader, path, type);
        }

        return type switch
        {
            null => Scalar(ref reader, path),
            FieldType.String => reader.TokenType == JsonTokenType.String ? CelValue.Str(reader.GetString()!) : WrongType(path, "a string", Kind(reader.TokenType)),
            FieldType.Number => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number) ? CelValue.Num(number) : WrongType(path, "a number", Kind(reader.TokenType)),
            FieldType.Integer => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var whole) ? CelValue.Num(whole) : WrongType(path, "a whole number", Kind(reader.TokenType)),
            FieldType.Boolean => reader.TokenType is JsonTokenType.True or JsonTokenType.False ? CelValue.Bool(reader.TokenType == JsonTokenType.True) : WrongType(path, "true or false", Kind(reader.TokenType)),
            FieldType.Timestamp => reader.TokenType == JsonTokenType.String
                && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                    ? CelValue.Timestamp(time.ToUnixTimeMilliseconds())
                    : WrongType(path, "an RFC 3339 timestamp", Kind(reader.TokenType)),
            _ => WrongType(path, "a list", Kind(reader.TokenType)),
        };
    }

    static CelValue Scalar(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.String => CelValue.Str(reader.GetString()!),
        JsonTokenType.Number => reader.TryGetDouble(out var number) && double.IsFinite(number) ? CelValue.Num(number) : CelValue.Error($"{path} is a number out of range"),
        JsonTokenType.True => CelValue.True,
        JsonTokenType.False => CelValue.False,
        _ => CelValue.Null,
    };

    static CelValue ReadList(ref Utf8JsonReader reader, string path, FieldType? type)
    {
        if (type is not (null or FieldType.StringList or FieldType.NumberList))
        {
            reader.Skip();
            return WrongType(path, Expected(type!.Value), "array");
        }

        var items = listBuffer ??= new List<CelValue>(16);
        items.Clear();
        CelValue? error = null;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (error is not null)
            {
                reader.Skip();
                continue;
            }

            if (index >= PactVariables.MaxListItems)
            {
                error = CelValue.Error($"{path} has more than {PactVariables.MaxListItems} items; at most {PactVariables.MaxListItems} are evaluated");
                reader.Skip();
                continue;
            }

            CelValue item;
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                reader.Skip();
                item = CelValue.Error($"{path}[{index}] is nested, which pact expressions do not read");
            }
            else
            {
                item = type switch
                {
                    FieldType.StringList => reader.TokenType == JsonTokenType.String ? CelValue.Str(reader.GetString()!) : CelValue.Error($"{path}[{index}] should be a string"),
                    FieldType.NumberList => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var n) && double.IsFinite(n) ? CelValue.Num(n) : CelValue.Error($"{path}[{index}] should be a number"),
                    _ => Scalar(ref reader, path),
                };
            }

            if (item.IsError && type is not null)
            {
                error = item;
            }

            items.Add(item);
            index++;
        }

        var result = error ?? CelValue.List([.. items]);
        items.Clear();
        return result;
    }

    static string Expected(FieldType type) => type switch
    {
        FieldType.String => "a string",
        FieldType.Number => "a number",
        FieldType.Integer => "a whole number",
        FieldType.Boolean => "true or false",
        FieldType.Timestamp => "an RFC 3339 timestamp",
        _ => "a list",
    };

    static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.StartArray => "array",
        JsonTokenType.StartObject => "object",
        _ => "null",
    };

    static CelValue WrongType(string path, string expected, string actual) =>
        CelValue.Error($"{path} should be {expected}, the action has {actual}");
}
