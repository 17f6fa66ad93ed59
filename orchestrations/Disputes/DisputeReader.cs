using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Disputes;
using AgentTrust.Orchestrations.Governance;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Reads and validates the bodies of the dispute endpoints, naming every field at fault.</summary>
public static class DisputeReader
{
    static readonly string[] DisputeFields =
        ["disputeKey", "kind", "disputant", "role", "reason", "actionId", "outcomeEventId", "ticketSystem", "ticketId", "agentId"];

    static readonly string[] ResolutionFields = ["adjudicator", "verdict", "comment"];

    /// <summary>A dispute; the key comes from the body's <c>disputeKey</c> or else the <c>Idempotency-Key</c> header.</summary>
    public static (DisputeRequest? Request, IReadOnlyList<FieldError> Errors) ReadDispute(ReadOnlyMemory<byte> body, string? idempotencyKey)
    {
        return Parse(body, DisputeFields, (root, errors) =>
        {
            var key = Text(root, "disputeKey", 256, required: idempotencyKey is null, errors) ?? idempotencyKey;
            var kind = Choice<DisputeTargetKind>(root, "kind", errors);
            var disputant = Text(root, "disputant", 256, required: true, errors);
            var role = Choice<DisputantRole>(root, "role", errors);
            var reason = Text(root, "reason", 2000, required: true, errors);
            var actionId = Text(root, "actionId", 64, required: kind == DisputeTargetKind.Decision, errors);
            var eventId = Text(root, "outcomeEventId", 256, required: kind == DisputeTargetKind.Outcome, errors);
            var system = Text(root, "ticketSystem", 64, required: kind == DisputeTargetKind.Outcome, errors);
            var ticketId = Text(root, "ticketId", 128, required: kind == DisputeTargetKind.Outcome, errors);
            var agentId = Text(root, "agentId", 128, required: false, errors);
            if (actionId is not null && !ActionIds.LooksValid(actionId))
            {
                errors.Add(new FieldError("actionId", "must be an action id as the API returns it (act- and 32 hex digits)"));
            }

            if (kind == DisputeTargetKind.Decision && (eventId ?? system ?? ticketId) is not null)
            {
                errors.Add(new FieldError("kind", "a decision dispute names the action only (actionId); outcome fields belong to kind 'outcome'"));
            }

            if (agentId is not null && !ProposedActionValidator.IdentifierPattern().IsMatch(agentId))
            {
                errors.Add(new FieldError("agentId", "must be letters, digits, '.', '_' or '-', starting with a letter or digit"));
            }

            return errors.Count > 0
                ? null
                : new DisputeRequest(key!, kind!.Value, disputant!, role!.Value, reason!, actionId, eventId, system, ticketId, agentId);
        });
    }

    public static (AdjudicatorAnswer? Answer, IReadOnlyList<FieldError> Errors) ReadResolution(ReadOnlyMemory<byte> body)
    {
        return Parse(body, ResolutionFields, (root, errors) =>
        {
            var adjudicator = Text(root, "adjudicator", 256, required: true, errors);
            var verdict = Choice<DisputeVerdict>(root, "verdict", errors);
            var comment = Text(root, "comment", 2000, required: false, errors);
            if (verdict == DisputeVerdict.Expired)
            {
                errors.Add(new FieldError("verdict", "must be 'upheld' or 'overturned' (a dispute expires by itself)"));
            }

            return errors.Count > 0 ? null : new AdjudicatorAnswer(adjudicator!, verdict!.Value, comment);
        });
    }

    static (T? Value, IReadOnlyList<FieldError> Errors) Parse<T>(ReadOnlyMemory<byte> body, string[] known, Func<JsonElement, List<FieldError>, T?> read)
        where T : class
    {
        var errors = new List<FieldError>();
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new FieldError("$", "the body must be a JSON object")]);
            }

            errors.AddRange(root.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)).Select(p => new FieldError(p.Name, "is not a known field")));
            var value = read(root, errors);
            return errors.Count > 0 ? (null, errors) : (value, []);
        }
        catch (JsonException ex)
        {
            return (null, [new FieldError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1})")]);
        }
    }

    static TEnum? Choice<TEnum>(JsonElement root, string name, List<FieldError> errors)
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        var text = Text(root, name, 64, required: true, errors);
        if (text is null)
        {
            return null;
        }

        if (!text.Any(char.IsDigit) && Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors.Add(new FieldError(name, "must be one of: " + names));
        return null;
    }

    static string? Text(JsonElement root, string name, int maxLength, bool required, List<FieldError> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError(name, "is required"));
            }

            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
        {
            errors.Add(new FieldError(name, string.Create(CultureInfo.InvariantCulture, $"must be a non-empty string of at most {maxLength} characters")));
            return null;
        }

        return text;
    }
}
