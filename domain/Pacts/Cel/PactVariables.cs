using System.Text;

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
    readonly List<Func<EvaluationInput, CelValue>?> binders = [];
    readonly List<ObjectField> actionFields = [];
    readonly List<ObjectField> ticketFields = [];
    readonly List<string> paths = [];

    public PactVariables(Pact pact) => this.pact = pact;

    public static IReadOnlyList<string> Roots { get; } = ["action", "ticket", "context"];

    public int SlotCount => binders.Count;

    /// <summary>How each slot is read; null for action and ticket fields, bound in one pass per object (<see cref="JsonObjectBinder"/>).</summary>
    public IReadOnlyList<Func<EvaluationInput, CelValue>?> Binders => binders;

    public IReadOnlyList<ObjectField> ActionFields => actionFields;

    public IReadOnlyList<ObjectField> TicketFields => ticketFields;

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
            paths.Add(path);
            binders.Add(binder);
            if (binder is null)
            {
                var schema = root == "action" ? pact.ActionSchema : pact.TicketSchema;
                FieldType? declared = schema is not null && schema.TryGetValue(field, out var t) ? t : null;
                (root == "action" ? actionFields : ticketFields).Add(new ObjectField(Encoding.UTF8.GetBytes(field), path, declared, slot));
            }
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

                return TryField("action", field, pact.ActionSchema, out type, out binder, out error);
            case "ticket":
                if (field is "system" or "id")
                {
                    type = CelType.String;
                    binder = field == "system" ? static input => CelValue.Str(input.Action.Ticket.System) : static input => CelValue.Str(input.Action.Ticket.Id);
                    return true;
                }

                return TryField("ticket", field, pact.TicketSchema, out type, out binder, out error);
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

    bool TryField(string root, string field, IReadOnlyDictionary<string, FieldType>? schema, out CelType type, out Func<EvaluationInput, CelValue>? binder, out string error)
    {
        type = CelType.Dyn;
        binder = null;
        error = string.Empty;
        if (schema is not null && schema.TryGetValue(field, out var fieldType))
        {
            type = TypeOf(fieldType);
        }
        else if (Strict)
        {
            var known = schema is null || schema.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", schema.Keys.Order(StringComparer.Ordinal));
            error = $"'{root}.{field}' is not in the pact's {root}Schema ({known})";
            return false;
        }

        // No binder of its own: read in one pass over the object with the pact's other fields (JsonObjectBinder).
        binder = null;
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
}
