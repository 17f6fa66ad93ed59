using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// The variables a pact's expressions may read and how each is taken from an <see cref="EvaluationInput"/>. Every
/// field an expression names gets a slot when the pact is compiled; an evaluation fills only those slots, once,
/// converting JSON to typed values by the pact's schema (invariant culture), before any clause runs.
/// </summary>
internal sealed class PactVariables
{
    /// <summary>Lists longer than this are an evaluation error: evaluation time stays bounded by the pact, not the input.</summary>
    public const int MaxListItems = 1000;

    static readonly Dictionary<string, CelType> ContextFields = new(StringComparer.Ordinal)
    {
        ["agent"] = CelType.String,
        ["lane"] = CelType.String,
        ["now"] = CelType.Timestamp,
        ["hour"] = CelType.Number,
        ["weekday"] = CelType.Number,
        ["recent_actions"] = CelType.Number,
    };

    readonly Pact pact;
    readonly Dictionary<string, int> slotByPath = new(StringComparer.Ordinal);
    readonly List<Func<EvaluationInput, CelValue>> binders = [];
    readonly List<string> paths = [];

    public PactVariables(Pact pact) => this.pact = pact;

    public static IReadOnlyList<string> Roots { get; } = ["action", "ticket", "context"];

    public int SlotCount => binders.Count;

    public IReadOnlyList<Func<EvaluationInput, CelValue>> Binders => binders;

    public IReadOnlyList<string> Paths => paths;

    /// <summary>Whether the pact declares schemas: then every field an expression names must be declared.</summary>
    bool Strict => pact.ActionSchema is not null;

    public bool TryResolve(string root, string field, out int slot, out CelType type, out string error)
    {
        slot = -1;
        error = string.Empty;
        if (!TryDescribe(root, field, out type, out var binder, out error))
        {
            return false;
        }

        var path = root + "." + field;
        if (!slotByPath.TryGetValue(path, out slot))
        {
            slot = binders.Count;
            slotByPath[path] = slot;
            binders.Add(binder!);
            paths.Add(path);
        }

        return true;
    }

    bool TryDescribe(string root, string field, out CelType type, out Func<EvaluationInput, CelValue>? binder, out string error)
    {
        type = CelType.Dyn;
        binder = null;
        error = string.Empty;
        switch (root)
        {
            case "action":
                if (field == "type")
                {
                    type = CelType.String;
                    binder = static input => CelValue.Str(input.Action.ActionType);
                    return true;
                }

                if (field == "confidence")
                {
                    type = CelType.Number;
                    binder = static input => CelValue.Num(input.Action.Confidence);
                    return true;
                }

                return TryField("action", field, pact.ActionSchema, static input => input.Action.Fields, out type, out binder, out error);
            case "ticket":
                if (field is "system" or "id")
                {
                    type = CelType.String;
                    binder = field == "system" ? static input => CelValue.Str(input.Action.Ticket.System) : static input => CelValue.Str(input.Action.Ticket.Id);
                    return true;
                }

                return TryField("ticket", field, pact.TicketSchema, static input => input.Action.Ticket.Fields ?? default, out type, out binder, out error);
            case "context":
                if (!ContextFields.TryGetValue(field, out type!))
                {
                    error = $"'context.{field}' is not a context field; context has {string.Join(", ", ContextFields.Keys)}";
                    return false;
                }

                binder = field switch
                {
                    "agent" => static input => CelValue.Str(input.Action.AgentId),
                    "lane" => static input => CelValue.Str(input.Action.Lane),
                    "now" => static input => CelValue.Timestamp(input.Now.ToUnixTimeMilliseconds()),
                    "hour" => static input => CelValue.Num(input.Now.UtcDateTime.Hour),
                    "weekday" => static input => CelValue.Num((int)input.Now.UtcDateTime.DayOfWeek),
                    _ => static input => CelValue.Num(input.RecentActions),
                };
                return true;
            default:
                error = $"unknown name '{root}'; expressions read action, ticket and context";
                return false;
        }
    }

    bool TryField(string root, string field, IReadOnlyDictionary<string, FieldType>? schema, Func<EvaluationInput, JsonElement> source, out CelType type, out Func<EvaluationInput, CelValue>? binder, out string error)
    {
        type = CelType.Dyn;
        binder = null;
        error = string.Empty;
        FieldType? declared = null;
        if (schema is not null && schema.TryGetValue(field, out var fieldType))
        {
            declared = fieldType;
            type = TypeOf(fieldType);
        }
        else if (Strict)
        {
            var known = schema is null || schema.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", schema.Keys.Order(StringComparer.Ordinal));
            error = $"'{root}.{field}' is not in the pact's {root}Schema ({known})";
            return false;
        }

        var name = Encoding.UTF8.GetBytes(field);
        var path = root + "." + field;
        binder = input => Read(source(input), name, path, declared);
        return true;
    }

    public static CelType TypeOf(FieldType type) => type switch
    {
        FieldType.String => CelType.String,
        FieldType.Number or FieldType.Integer => CelType.Number,
        FieldType.Boolean => CelType.Bool,
        FieldType.Timestamp => CelType.Timestamp,
        FieldType.StringList => CelType.ListOf(CelType.String),
        FieldType.NumberList => CelType.ListOf(CelType.Number),
        _ => CelType.Dyn,
    };

    static CelValue Read(JsonElement container, byte[] name, string path, FieldType? type)
    {
        if (container.ValueKind != JsonValueKind.Object || !container.TryGetProperty(name, out var value))
        {
            return CelValue.Missing;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return CelValue.Null;
        }

        return type switch
        {
            null => ReadDynamic(value, path, allowList: true),
            FieldType.String => value.ValueKind == JsonValueKind.String ? CelValue.Str(value.GetString()!) : WrongType(path, "a string", value),
            FieldType.Number => value.ValueKind == JsonValueKind.Number ? CelValue.Num(value.GetDouble()) : WrongType(path, "a number", value),
            FieldType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole) ? CelValue.Num(whole) : WrongType(path, "a whole number", value),
            FieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? CelValue.Bool(value.GetBoolean()) : WrongType(path, "true or false", value),
            FieldType.Timestamp => ReadTimestamp(value, path),
            FieldType.StringList => ReadList(value, path, JsonValueKind.String),
            FieldType.NumberList => ReadList(value, path, JsonValueKind.Number),
            _ => CelValue.Error($"{path}: unsupported type"),
        };
    }

    static CelValue ReadTimestamp(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return CelValue.Timestamp(time.ToUnixTimeMilliseconds());
        }

        return WrongType(path, "an RFC 3339 timestamp", value);
    }

    static CelValue ReadList(JsonElement value, string path, JsonValueKind itemKind)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return WrongType(path, "a list", value);
        }

        var length = value.GetArrayLength();
        if (length > MaxListItems)
        {
            return CelValue.Error($"{path} has {length} items; at most {MaxListItems} are evaluated");
        }

        var items = new CelValue[length];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != itemKind)
            {
                return CelValue.Error($"{path}[{i}] should be a {(itemKind == JsonValueKind.String ? "string" : "number")}");
            }

            items[i++] = itemKind == JsonValueKind.String ? CelValue.Str(item.GetString()!) : CelValue.Num(item.GetDouble());
        }

        return CelValue.List(items);
    }

    static CelValue ReadDynamic(JsonElement value, string path, bool allowList)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String: return CelValue.Str(value.GetString()!);
            case JsonValueKind.Number: return CelValue.Num(value.GetDouble());
            case JsonValueKind.True: return CelValue.True;
            case JsonValueKind.False: return CelValue.False;
            case JsonValueKind.Null: return CelValue.Null;
            case JsonValueKind.Array when allowList:
                var length = value.GetArrayLength();
                if (length > MaxListItems)
                {
                    return CelValue.Error($"{path} has {length} items; at most {MaxListItems} are evaluated");
                }

                var items = new CelValue[length];
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    items[i++] = ReadDynamic(item, path, allowList: false);
                }

                return CelValue.List(items);
            default:
                return CelValue.Error($"{path} holds a nested {value.ValueKind.ToString().ToLowerInvariant()}, which pact expressions do not read");
        }
    }

    static CelValue WrongType(string path, string expected, JsonElement value) =>
        CelValue.Error($"{path} should be {expected}, the action has {value.ValueKind.ToString().ToLowerInvariant()}");
}
