using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Ticketing;

namespace AgentTrust.Orchestrations.Ticketing.Mapping;

/// <summary>
/// Maps a ServiceNow business-rule payload (<c>event_id</c>, <c>table</c>, <c>operation</c>, <c>current</c> and
/// <c>previous</c> records in Table API shape) for <c>incident</c>, <c>change_request</c> and <c>problem</c> to
/// outcomes, and an agent's proposal in <c>u_agent_proposal</c> to a governed action. Values may be plain strings
/// or <c>{ "value", "display_value" }</c> objects, as the Table API returns them with <c>sysparm_display_value=all</c>.
/// </summary>
public static class ServiceNowWebhookMapper
{
    public const string ProposalColumn = "u_agent_proposal";

    /// <summary>The columns AgentTrust's write-back sets, so later outcomes can name the action and agent.</summary>
    public const string ActionColumn = "u_agenttrust_action";
    public const string AgentColumn = "u_agenttrust_agent";

    static readonly HashSet<string> NumericColumns = ["state", "priority", "impact", "urgency", "reopen_count", "escalation", "severity", "risk"];

    public static WebhookMapping Map(JsonElement payload, DateTimeOffset sentAt)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return WebhookMapping.Invalid(new FieldError("$", "the body must be a JSON object"));
        }

        var eventId = Value(payload, "event_id");
        var table = Value(payload, "table");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > 128)
        {
            errors.Add(new FieldError("event_id", "is required: the business rule's unique id for this event (at most 128 characters)"));
        }

        if (table is not ("incident" or "change_request" or "problem"))
        {
            errors.Add(new FieldError("table", "must be incident, change_request or problem"));
        }

        if (!payload.TryGetProperty("current", out var current) || current.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("current", "is required: the record after the change"));
        }
        else if (string.IsNullOrWhiteSpace(Value(current, "number")))
        {
            errors.Add(new FieldError("current.number", "is required"));
        }

        if (errors.Count > 0)
        {
            return new WebhookMapping(eventId ?? string.Empty, [], [], errors);
        }

        JsonElement? previous = payload.TryGetProperty("previous", out var p) && p.ValueKind == JsonValueKind.Object ? p : null;
        var number = Value(current, "number")!;
        var occurredAt = ParseServiceNowTime(Value(payload, "sys_updated_on") ?? Value(current, "sys_updated_on")) ?? sentAt;
        var actor = Value(payload, "sys_updated_by") ?? Value(current, "sys_updated_by");
        var actionId = Value(current, ActionColumn);
        var agentId = Value(current, AgentColumn);
        var outcomes = new List<TicketOutcome>();
        void Add(TicketOutcomeKind kind, string? detail) => outcomes.Add(new TicketOutcome(
            $"{TicketSystems.ServiceNow}:{eventId}:{Kebab(kind)}", TicketSystems.ServiceNow, number, kind, occurredAt, actor, detail,
            string.IsNullOrEmpty(agentId) ? null : agentId, string.IsNullOrEmpty(actionId) ? null : actionId));

        if (previous is { } before)
        {
            var state = Number(current, "state");
            var wasState = Number(before, "state");
            switch (table)
            {
                case "incident":
                    // Incident states: 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled.
                    if (state == 6 && wasState is not (6 or 7))
                    {
                        Add(TicketOutcomeKind.Resolved, Value(current, "close_code"));
                    }
                    else if ((wasState is 6 or 7 && state is 1 or 2 or 3) || Number(current, "reopen_count") > Number(before, "reopen_count"))
                    {
                        Add(TicketOutcomeKind.Reopened, $"state {wasState} -> {state}");
                    }

                    break;
                case "problem":
                    // Problem states: 101 New ... 106 Resolved, 107 Closed.
                    if (state is 106 or 107 && wasState is not (106 or 107))
                    {
                        Add(TicketOutcomeKind.Resolved, Value(current, "resolution_code") ?? Value(current, "close_code"));
                    }
                    else if (wasState is 106 or 107 && state is > 100 and < 106)
                    {
                        Add(TicketOutcomeKind.Reopened, $"state {wasState} -> {state}");
                    }

                    break;
                case "change_request":
                    // Change states: ... 0 Review, 3 Closed, 4 Canceled. The close code says how it went.
                    if (state == 3 && wasState != 3)
                    {
                        var closeCode = Value(current, "close_code");
                        Add(
                            string.Equals(closeCode, "unsuccessful", StringComparison.OrdinalIgnoreCase)
                                ? TicketOutcomeKind.ChangeClosedFailed
                                : TicketOutcomeKind.ChangeClosedSuccessful,
                            closeCode);
                    }

                    break;
            }

            var group = Value(current, "assignment_group");
            var wasGroup = Value(before, "assignment_group");
            if (!string.IsNullOrEmpty(wasGroup) && !string.Equals(group, wasGroup, StringComparison.Ordinal))
            {
                Add(TicketOutcomeKind.Reassigned, Display(current, "assignment_group") ?? group);
            }

            var priority = Number(current, "priority");
            var wasPriority = Number(before, "priority");
            if (Number(current, "escalation") > Number(before, "escalation") || (priority is not null && wasPriority is not null && priority < wasPriority))
            {
                Add(TicketOutcomeKind.Escalated, $"priority {wasPriority} -> {priority}, escalation {Number(before, "escalation") ?? 0} -> {Number(current, "escalation") ?? 0}");
            }
        }

        var actions = new List<ProposedAction>();
        var proposal = Value(current, ProposalColumn);
        if (!string.IsNullOrWhiteSpace(proposal) && (previous is null || !string.Equals(Value(previous.Value, ProposalColumn), proposal, StringComparison.Ordinal)))
        {
            var ticket = new TicketReference(TicketSystems.ServiceNow, number, Snapshot(current, table!));
            var (action, proposalErrors) = AgentProposalReader.Read(proposal, ticket, "current." + ProposalColumn);
            if (action is null)
            {
                return new WebhookMapping(eventId!, [], outcomes, proposalErrors);
            }

            actions.Add(action);
        }

        return new WebhookMapping(eventId!, actions, outcomes, []);
    }

    /// <summary>The ticket as a pact sees it: plain values (reference fields by display value), numbers as numbers.</summary>
    public static JsonElement Snapshot(JsonElement record, string table)
    {
        var node = new JsonObject { ["table"] = table };
        foreach (var property in record.EnumerateObject())
        {
            if (property.Name == ProposalColumn)
            {
                continue;
            }

            var text = Display(record, property.Name) ?? Value(record, property.Name);
            if (text is null)
            {
                continue;
            }

            var raw = Value(record, property.Name);
            node[property.Name] = NumericColumns.Contains(property.Name) && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? JsonValue.Create(n)
                : JsonValue.Create(text);
        }

        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>A column's value: the string itself, or <c>value</c> of a reference/choice object.</summary>
    public static string? Value(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            JsonValueKind.Object when v.TryGetProperty("value", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
            _ => null,
        };
    }

    static string? Display(JsonElement record, string name) =>
        record.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
            && v.TryGetProperty("display_value", out var d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()
            : null;

    static int? Number(JsonElement record, string name) =>
        int.TryParse(Value(record, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>ServiceNow's stored time format, in UTC: <c>2026-11-26 10:04:11</c>.</summary>
    static DateTimeOffset? ParseServiceNowTime(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    internal static string Kebab(TicketOutcomeKind kind) =>
        JsonSerializer.Serialize(kind, Domain.Hashing.JsonDefaults.Options).Trim('"');
}
