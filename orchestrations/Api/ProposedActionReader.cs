using System.Text.Json;
using AgentTrust.Domain.Actions;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// Reads the body of <c>POST /api/actions</c>. Strict: unknown members and wrong types are named, every problem
/// at once, so an integrator fixes a request in one round trip.
/// </summary>
public static class ProposedActionReader
{
    static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };
    static readonly HashSet<string> TopLevel = ["agentId", "lane", "ticket", "action", "confidence", "idempotencyKey", "rationale"];
    static readonly HashSet<string> TicketMembers = ["system", "id", "fields"];
    static readonly HashSet<string> ActionMembers = ["type", "fields"];

    /// <summary>Parses the body; the idempotency key may come from the body or the <c>Idempotency-Key</c> header.</summary>
    public static (ProposedAction? Action, IReadOnlyList<FieldError> Errors) Read(ReadOnlyMemory<byte> body, string? idempotencyKeyHeader)
    {
        var errors = new List<FieldError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return (null, [new FieldError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new FieldError("$", "the body must be a JSON object")]);
            }

            Unknown(root, TopLevel, string.Empty, errors);
            var agentId = String(root, "agentId", errors);
            var lane = String(root, "lane", errors);
            var rationale = String(root, "rationale", errors, required: false);
            var key = String(root, "idempotencyKey", errors, required: false) ?? idempotencyKeyHeader;
            if (key is null)
            {
                errors.Add(new FieldError("idempotencyKey", "is required (in the body or as the Idempotency-Key header)"));
            }

            double confidence = double.NaN;
            if (!root.TryGetProperty("confidence", out var c))
            {
                errors.Add(new FieldError("confidence", "is required"));
            }
            else if (c.ValueKind != JsonValueKind.Number || !c.TryGetDouble(out confidence))
            {
                errors.Add(new FieldError("confidence", "must be a number from 0 to 1"));
            }

            TicketReference? ticket = null;
            if (!root.TryGetProperty("ticket", out var t) || t.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError("ticket", "is required: an object with system, id and optional fields"));
            }
            else
            {
                Unknown(t, TicketMembers, "ticket.", errors);
                var system = String(t, "system", errors, prefix: "ticket.");
                var id = String(t, "id", errors, prefix: "ticket.");
                JsonElement? fields = t.TryGetProperty("fields", out var f) && f.ValueKind != JsonValueKind.Null ? f.Clone() : null;
                ticket = new TicketReference(system ?? string.Empty, id ?? string.Empty, fields);
            }

            string? actionType = null;
            JsonElement actionFields = default;
            if (!root.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError("action", "is required: an object with type and fields"));
            }
            else
            {
                Unknown(a, ActionMembers, "action.", errors);
                actionType = String(a, "type", errors, prefix: "action.");
                if (!a.TryGetProperty("fields", out var af))
                {
                    errors.Add(new FieldError("action.fields", "is required (an object; may be empty)"));
                }
                else
                {
                    actionFields = af.Clone();
                }
            }

            if (errors.Count > 0)
            {
                return (null, errors);
            }

            var action = new ProposedAction(agentId!, lane!, ticket!, actionType!, actionFields, confidence, key!, rationale);
            var invalid = ProposedActionValidator.Validate(action);
            return invalid.Count > 0 ? (null, invalid) : (action, []);
        }
    }

    static string? String(JsonElement obj, string name, List<FieldError> errors, bool required = true, string prefix = "")
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError(prefix + name, "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(prefix + name, "must be a string"));
            return null;
        }

        return value.GetString();
    }

    static void Unknown(JsonElement obj, HashSet<string> known, string prefix, List<FieldError> errors)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors.Add(new FieldError(prefix + property.Name, "is not a known field"));
            }
        }
    }

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
