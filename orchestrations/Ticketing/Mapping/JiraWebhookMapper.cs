using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Ticketing;
using AgentTrust.Orchestrations.Ticketing.Webhooks;

namespace AgentTrust.Orchestrations.Ticketing.Mapping;

/// <summary>
/// Maps Jira Service Management issue webhooks (<c>jira:issue_created</c>, <c>jira:issue_updated</c>) to outcomes,
/// read from <c>changelog.items</c>, and an agent's proposal in the configured custom field to a governed action.
/// </summary>
public static class JiraWebhookMapper
{
    public static WebhookMapping Map(JsonElement payload, WebhookSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return WebhookMapping.Invalid(new FieldError("$", "the body must be a JSON object"));
        }

        var webhookEvent = Text(payload, "webhookEvent");
        if (!payload.TryGetProperty("issue", out var issue) || issue.ValueKind != JsonValueKind.Object
            || Text(issue, "key") is not { Length: > 0 } key || Text(issue, "id") is not { Length: > 0 } issueId)
        {
            return WebhookMapping.Invalid(new FieldError("issue", "is required, with id and key"));
        }

        if (webhookEvent is not ("jira:issue_created" or "jira:issue_updated"))
        {
            // Other events (comments, worklogs, deletions) carry no outcome AgentTrust counts: acknowledged, ignored.
            return new WebhookMapping($"jira:{issueId}:{webhookEvent}", [], [], []);
        }

        var fields = issue.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        JsonElement? changelog = payload.TryGetProperty("changelog", out var c) && c.ValueKind == JsonValueKind.Object ? c : null;
        var changeId = changelog is { } log ? Text(log, "id") : null;
        var eventId = $"jira:{issueId}:{changeId ?? (webhookEvent == "jira:issue_created" ? "created" : Text(payload, "timestamp") ?? "0")}";
        // TryGetInt64 throws on anything but a number, and FromUnixTimeMilliseconds outside years 1-9999: check both.
        var occurredAt = payload.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var ms)
            && ms is >= -62_135_596_800_000 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UnixEpoch;
        var actor = payload.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
            ? Text(user, "displayName") ?? Text(user, "accountId")
            : null;
        var issueType = fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("issuetype", out var it) && it.ValueKind == JsonValueKind.Object
            ? Text(it, "name")
            : null;
        var isChange = issueType is not null && options.ChangeIssueTypes.Contains(issueType, StringComparer.OrdinalIgnoreCase);

        var outcomes = new List<TicketOutcome>();
        void Add(TicketOutcomeKind kind, string? detail) => outcomes.Add(new TicketOutcome(
            $"{eventId}:{ServiceNowWebhookMapper.Kebab(kind)}", TicketSystems.Jira, key, kind, occurredAt, actor, detail));

        var proposalChanged = webhookEvent == "jira:issue_created";
        if (changelog is { } changes && changes.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                var field = Text(item, "field");
                var fieldId = Text(item, "fieldId");
                var from = Text(item, "from");
                var to = Text(item, "to");
                var toString = Text(item, "toString");
                if (options.ProposalField is { } pf && (fieldId == pf || field == pf))
                {
                    proposalChanged = true;
                }

                switch (field)
                {
                    case "resolution" when to is not null && from is null:
                        if (isChange)
                        {
                            var failed = toString is not null && options.FailedChangeResolutions.Contains(toString, StringComparer.OrdinalIgnoreCase);
                            Add(failed ? TicketOutcomeKind.ChangeClosedFailed : TicketOutcomeKind.ChangeClosedSuccessful, toString);
                        }
                        else
                        {
                            Add(TicketOutcomeKind.Resolved, toString);
                        }

                        break;
                    case "resolution" when to is null && from is not null:
                        Add(TicketOutcomeKind.Reopened, $"resolution {Text(item, "fromString")} cleared");
                        break;
                    case "assignee" when from is not null && to != from:
                        Add(TicketOutcomeKind.Reassigned, toString);
                        break;
                    case "priority" when int.TryParse(from, NumberStyles.Integer, CultureInfo.InvariantCulture, out var was)
                        && int.TryParse(to, NumberStyles.Integer, CultureInfo.InvariantCulture, out var now) && now < was:
                        // Jira priority ids run from 1 (Highest) down: a smaller id is an escalation.
                        Add(TicketOutcomeKind.Escalated, $"{Text(item, "fromString")} -> {toString}");
                        break;
                }
            }
        }

        var actions = new List<ProposedAction>();
        if (proposalChanged && options.ProposalField is { } proposalField && fields.ValueKind == JsonValueKind.Object
            && fields.TryGetProperty(proposalField, out var proposal) && proposal.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(proposal.GetString()))
        {
            var ticket = new TicketReference(TicketSystems.Jira, key, Snapshot(issueId, key, fields, proposalField));
            var (action, errors) = AgentProposalReader.Read(proposal.GetString()!, ticket, $"issue.fields.{proposalField}");
            if (action is null)
            {
                return new WebhookMapping(eventId, [], outcomes, errors);
            }

            actions.Add(action);
        }

        return new WebhookMapping(eventId, actions, outcomes, []);
    }

    /// <summary>The issue as a pact sees it: names of the usual fields, not Jira's nested objects.</summary>
    static JsonElement Snapshot(string issueId, string key, JsonElement fields, string proposalField)
    {
        var node = new JsonObject { ["id"] = issueId, ["key"] = key };
        foreach (var property in fields.EnumerateObject())
        {
            if (property.Name == proposalField)
            {
                continue;
            }

            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    node[property.Name] = value.GetString();
                    break;
                case JsonValueKind.Number:
                    node[property.Name] = JsonNode.Parse(value.GetRawText());
                    break;
                case JsonValueKind.Object when (Text(value, "name") ?? Text(value, "value") ?? Text(value, "displayName")) is { } name:
                    node[property.Name] = name;
                    break;
                case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    node[property.Name] = new JsonArray([.. value.EnumerateArray().Select(v => (JsonNode?)JsonValue.Create(v.GetString()))]);
                    break;
            }
        }

        return JsonSerializer.SerializeToElement(node);
    }

    static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
