using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Ticketing.Mapping;

/// <summary>
/// Reads an agent's proposal that arrived inside a ticket (a ServiceNow column or a Jira custom field holding JSON
/// text: <c>{"agentId","lane","action":{"type","fields"},"confidence","rationale"}</c>) into a proposed action.
/// The idempotency key is derived from the ticket and the proposal's canonical digest, so a redelivered event, or
/// the same proposal written twice, governs one action.
/// </summary>
public static class AgentProposalReader
{
    public static (ProposedAction? Action, IReadOnlyList<FieldError> Errors) Read(string proposalJson, TicketReference ticket, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(proposalJson);
        ArgumentNullException.ThrowIfNull(ticket);
        JsonElement proposal;
        try
        {
            using var document = JsonDocument.Parse(proposalJson, new JsonDocumentOptions { MaxDepth = 16 });
            proposal = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return (null, [new FieldError(fieldName, $"holds no valid JSON proposal (line {ex.LineNumber + 1})")]);
        }

        if (proposal.ValueKind != JsonValueKind.Object)
        {
            return (null, [new FieldError(fieldName, "must hold a JSON object")]);
        }

        var errors = new List<FieldError>();
        var agentId = Text(proposal, "agentId");
        var lane = Text(proposal, "lane");
        var rationale = Text(proposal, "rationale");
        string? actionType = null;
        JsonElement fields = default;
        if (proposal.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            actionType = Text(action, "type");
            if (action.TryGetProperty("fields", out var f))
            {
                fields = f.Clone();
            }
        }

        var confidence = proposal.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : double.NaN;
        var key = $"{ticket.System}:{ticket.Id}:{Digest.OfCanonicalJson(proposal)[..24]}";
        var proposed = new ProposedAction(agentId ?? string.Empty, lane ?? string.Empty, ticket, actionType ?? string.Empty, fields, confidence, key, rationale);
        foreach (var error in ProposedActionValidator.Validate(proposed))
        {
            errors.Add(new FieldError($"{fieldName}.{error.Field}", error.Message));
        }

        return errors.Count > 0 ? (null, errors) : (proposed, []);
    }

    static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
