using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Orchestrations.Outcomes;
using AgentTrust.Orchestrations.Telemetry;
using AgentTrust.Orchestrations.Trust;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/outcomes</c>: a ticket lifecycle event (reopened, failed change, escalation...). Stored once per event
/// id and attributed to the decisions that touched the ticket within the attribution window; an outcome posted again
/// changes nothing (200 with <c>duplicate: true</c>), and an outcome that arrives late still revises the scores.
/// </summary>
public sealed class PostOutcomeHandler(IOutcomeStore outcomes, TrustEngine trust, IOptions<ApiOptions> options, Autonomy.AutonomyGovernor? autonomy = null)
{
    static readonly string[] Fields = ["eventId", "ticketSystem", "ticketId", "kind", "occurredAt", "actor", "detail", "agentId", "actionId"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (JsonRequests.Refuse(request, options.Value.MaxBodyBytes) is { } refused)
        {
            return refused;
        }

        var (outcome, errors) = Read(request.Body);
        if (outcome is null)
        {
            return Problems.Validation(request, "The outcome has errors; nothing was recorded.", errors);
        }

        var (added, standing) = await outcomes.AddOrGetAsync(outcome, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            AgentTrustTelemetry.Outcomes.Add(
                1, new KeyValuePair<string, object?>("kind", outcome.Kind.ToString()), new KeyValuePair<string, object?>("system", outcome.TicketSystem));
        }

        // Attributed even when the outcome was stored before: applying is idempotent, so a retry after a failure
        // half-way finishes the job instead of leaving it half done. The first stored copy is the one attributed.
        var changes = await trust.AttributeOutcomeAsync(standing, cancellationToken).ConfigureAwait(false);
        foreach (var change in autonomy is null ? [] : changes)
        {
            // A bad outcome burns the lane's error budget and can demote the agent, as any trust change can.
            await autonomy!.ApplyTrustAsync(change, pact: null, evaluation: null, juries: null, outcome.TicketSystem, outcome.TicketId, cancellationToken).ConfigureAwait(false);
        }

        return ApiResponse.Json(added ? 201 : 200, new
        {
            eventId = outcome.EventId,
            duplicate = !added,
            attributed = changes.Select(c => new
            {
                agentId = c.Signal.AgentId,
                lane = c.Signal.Lane,
                actionId = c.Signal.ActionId,
                applied = c.Applied,
                gain = c.Signal.Gain,
                loss = c.Signal.Loss,
                outcome = c.After.Outcome,
                evidence = c.EvidenceLocation,
                links = new { trust = $"/api/agents/{c.Signal.AgentId}/trust" },
            }),
        });
    }

    static (TicketOutcome? Outcome, IReadOnlyList<FieldError> Errors) Read(ReadOnlyMemory<byte> body)
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

            foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
            {
                errors.Add(new FieldError(property.Name, "is not a known field"));
            }

            var eventId = Text(root, "eventId", 256, required: true, errors);
            var system = Text(root, "ticketSystem", 64, required: true, errors);
            var ticketId = Text(root, "ticketId", 128, required: true, errors);
            var actor = Text(root, "actor", 256, required: false, errors);
            var detail = Text(root, "detail", 2000, required: false, errors);
            var agentId = Text(root, "agentId", 128, required: false, errors);
            var actionId = Text(root, "actionId", 128, required: false, errors);
            if (agentId is not null && !ProposedActionValidator.IdentifierPattern().IsMatch(agentId))
            {
                errors.Add(new FieldError("agentId", "must be letters, digits, '.', '_' or '-', starting with a letter or digit"));
            }

            TicketOutcomeKind? kind = null;
            var kindText = Text(root, "kind", 64, required: true, errors);
            if (kindText is not null)
            {
                if (Enum.TryParse<TicketOutcomeKind>(kindText.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed)
                    && Enum.IsDefined(parsed) && !kindText.Any(char.IsDigit))
                {
                    kind = parsed;
                }
                else
                {
                    errors.Add(new FieldError("kind", "must be one of: " + string.Join(", ", Enum.GetNames<TicketOutcomeKind>())));
                }
            }

            DateTimeOffset? occurredAt = null;
            var when = Text(root, "occurredAt", 64, required: true, errors);
            if (when is not null)
            {
                if (DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) && when.Contains('T', StringComparison.Ordinal))
                {
                    occurredAt = at;
                }
                else
                {
                    errors.Add(new FieldError("occurredAt", "must be an ISO 8601 date and time, e.g. 2026-11-26T10:00:00Z"));
                }
            }

            return errors.Count > 0
                ? (null, errors)
                : (new TicketOutcome(eventId!, system!, ticketId!, kind!.Value, occurredAt!.Value, actor, detail, agentId, actionId), []);
        }
        catch (JsonException ex)
        {
            return (null, [new FieldError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1})")]);
        }
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
