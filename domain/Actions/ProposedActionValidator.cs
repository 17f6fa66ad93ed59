using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentTrust.Domain.Actions;

/// <summary>Checks a proposed action before anything is started; returns every problem, not just the first.</summary>
public static partial class ProposedActionValidator
{
    /// <summary>Identifiers end up in storage keys and blob names: keep them to a safe alphabet.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    public static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IdempotencyKeyPattern();

    public static IReadOnlyList<FieldError> Validate(ProposedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(action.AgentId) || !IdentifierPattern().IsMatch(action.AgentId))
        {
            errors.Add(new("agentId", "must be 1-128 characters of letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }

        if (!Lanes.Lanes.IsKnown(action.Lane))
        {
            errors.Add(new("lane", $"must be one of: {string.Join(", ", Lanes.Lanes.All)}"));
        }

        if (action.Ticket is null)
        {
            errors.Add(new("ticket", "is required"));
        }
        else
        {
            if (string.IsNullOrEmpty(action.Ticket.System) || !IdentifierPattern().IsMatch(action.Ticket.System))
            {
                errors.Add(new("ticket.system", "is required, e.g. 'servicenow' or 'jira'"));
            }

            if (string.IsNullOrWhiteSpace(action.Ticket.Id) || action.Ticket.Id.Length > 128)
            {
                errors.Add(new("ticket.id", "is required (at most 128 characters)"));
            }

            if (action.Ticket.Fields is { } fields && fields.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
            {
                errors.Add(new("ticket.fields", "must be a JSON object"));
            }
        }

        if (string.IsNullOrEmpty(action.ActionType) || !IdentifierPattern().IsMatch(action.ActionType))
        {
            errors.Add(new("action.type", "is required, e.g. 'classify'"));
        }

        if (action.Fields.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("action.fields", "must be a JSON object"));
        }

        if (double.IsNaN(action.Confidence) || action.Confidence < 0 || action.Confidence > 1)
        {
            errors.Add(new("confidence", "must be a number from 0 to 1"));
        }

        if (string.IsNullOrEmpty(action.IdempotencyKey) || !IdempotencyKeyPattern().IsMatch(action.IdempotencyKey))
        {
            errors.Add(new("idempotencyKey", "is required: 1-200 characters of letters, digits, '.', '_', ':' or '-'"));
        }

        if (action.Rationale is { Length: > 4000 })
        {
            errors.Add(new("rationale", "must be at most 4000 characters"));
        }

        return errors;
    }
}
