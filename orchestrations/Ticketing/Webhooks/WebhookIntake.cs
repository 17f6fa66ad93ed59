using System.Diagnostics;
using System.Text.Json;
using System.Text.Unicode;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Outcomes;
using AgentTrust.Orchestrations.Telemetry;
using AgentTrust.Orchestrations.Ticketing.Mapping;
using AgentTrust.Orchestrations.Trust;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>
/// The one path every ticketing webhook takes: size limit, authentication (signature and time window), replay
/// check, then mapping to governed actions and stored outcomes. A delivery that fails authentication or is a replay
/// is answered 401 and recorded, and nothing in it is parsed or acted on. When processing fails after the replay
/// store accepted a delivery, the delivery is forgotten again, so the sender's retry is processed, not refused.
/// Every outcome is attributed to trust as <c>POST /api/outcomes</c> does (<see cref="TrustEngine.AttributeOutcomeAsync"/>),
/// also when it was stored before: applying a signal is idempotent (signal id = outcome event id), so a redelivery
/// of the same event under a new delivery id, or a retry after a failure half-way, counts the outcome once.
/// </summary>
public sealed partial class WebhookIntake(
    IWebhookLedger ledger,
    IOutcomeStore outcomes,
    TrustEngine trust,
    GovernedActionStarter starter,
    IOptions<ApiOptions> apiOptions,
    TimeProvider time,
    ILogger<WebhookIntake> logger)
{
    public async Task<ApiResponse> HandleAsync(
        string source,
        ApiRequest request,
        DurableTaskClient client,
        Func<ApiRequest, WebhookCheck> authenticate,
        Func<JsonElement, DateTimeOffset, WebhookMapping> map,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(authenticate);
        ArgumentNullException.ThrowIfNull(map);
        var started = Stopwatch.GetTimestamp();
        using var activity = AgentTrustTelemetry.Source.StartActivity("webhook " + source, ActivityKind.Server);
        activity?.SetTag("agenttrust.webhook.source", source);
        var limit = apiOptions.Value.MaxBodyBytes;
        if (request.BodyTooLarge || request.Body.Length > limit)
        {
            await RefuseAsync(source, request, "body-too-large", cancellationToken).ConfigureAwait(false);
            return Problems.TooLarge(request, limit);
        }

        var check = authenticate(request);
        if (!check.Accepted)
        {
            return await RefuseAsync(source, request, check.Reason!, cancellationToken).ConfigureAwait(false);
        }

        if (!await ledger.TryRecordDeliveryAsync(source, check.DeliveryId!, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return await RefuseAsync(source, request, WebhookRejectionReasons.Replayed, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var response = await ProcessAsync(source, request, client, check, map, cancellationToken).ConfigureAwait(false);
            AgentTrustTelemetry.RecordStage("webhook", started);
            return response;
        }
        catch
        {
            await ledger.ForgetDeliveryAsync(source, check.DeliveryId!, CancellationToken.None).ConfigureAwait(false);
            AgentTrustTelemetry.Webhooks.Add(1, new("source", source), new("result", "failed"));
            throw;
        }
    }

    async Task<ApiResponse> ProcessAsync(
        string source, ApiRequest request, DurableTaskClient client, WebhookCheck check,
        Func<JsonElement, DateTimeOffset, WebhookMapping> map, CancellationToken cancellationToken)
    {
        WebhookMapping mapping;
        if (!Utf8.IsValid(request.Body.Span))
        {
            // Authentic but not UTF-8: a string read from it would throw in the mapper; refuse it as malformed instead.
            AgentTrustTelemetry.Webhooks.Add(1, new("source", source), new("result", "malformed"));
            return Problems.MalformedJson(request, "The webhook body is not valid UTF-8; nothing was processed.");
        }

        try
        {
            using var document = JsonDocument.Parse(request.Body, new JsonDocumentOptions { MaxDepth = 64 });
            mapping = map(document.RootElement, check.SentAt!.Value);
        }
        catch (JsonException ex)
        {
            AgentTrustTelemetry.Webhooks.Add(1, new("source", source), new("result", "malformed"));
            return Problems.MalformedJson(request, $"The webhook body is not valid JSON (line {ex.LineNumber + 1}); nothing was processed.");
        }

        if (mapping.Errors.Count > 0)
        {
            AgentTrustTelemetry.Webhooks.Add(1, new("source", source), new("result", "invalid"));
            return Problems.Validation(request, "The webhook payload is not what this endpoint expects; nothing was processed.", mapping.Errors);
        }

        var actions = new List<object>();
        foreach (var action in mapping.Actions)
        {
            var start = await starter.StartAsync(action, client, cancellationToken).ConfigureAwait(false);
            actions.Add(new { id = start.Id, replayed = start.Replayed, agentId = action.AgentId, lane = action.Lane, links = new { action = $"/api/actions/{start.Id}" } });
        }

        var recorded = new List<object>();
        foreach (var outcome in mapping.Outcomes)
        {
            var (added, standing) = await outcomes.AddOrGetAsync(outcome, cancellationToken).ConfigureAwait(false);
            if (added)
            {
                AgentTrustTelemetry.Outcomes.Add(1, new("kind", outcome.Kind.ToString()), new("system", outcome.TicketSystem));
            }

            var changes = await trust.AttributeOutcomeAsync(standing, cancellationToken).ConfigureAwait(false);
            recorded.Add(new
            {
                eventId = outcome.EventId,
                kind = outcome.Kind,
                ticket = outcome.TicketId,
                recorded = added,
                attributed = changes.Select(c => new { agentId = c.Signal.AgentId, lane = c.Signal.Lane, actionId = c.Signal.ActionId, applied = c.Applied }),
            });
        }

        var anything = actions.Count > 0 || recorded.Count > 0;
        AgentTrustTelemetry.Webhooks.Add(1, new("source", source), new("result", anything ? "accepted" : "ignored"));
        return ApiResponse.Json(anything ? 202 : 200, new { eventId = mapping.EventId, actions, outcomes = recorded });
    }

    async Task<ApiResponse> RefuseAsync(string source, ApiRequest request, string reason, CancellationToken cancellationToken)
    {
        var rejection = new WebhookRejection(source, reason, time.GetUtcNow(), Digest.Sha256Hex(request.Body.Span), request.Body.Length);
        LogRefused(logger, source, reason, rejection.BodySha256);
        AgentTrustTelemetry.Webhooks.Add(1, new("source", source), new("result", "refused:" + reason));
        await ledger.RecordRejectionAsync(rejection, cancellationToken).ConfigureAwait(false);
        return reason == "body-too-large"
            ? Problems.TooLarge(request, apiOptions.Value.MaxBodyBytes)
            : Problems.Create(request, 401, "webhook-unauthenticated", "The webhook could not be authenticated",
                "The delivery was refused and recorded; nothing in it was processed.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Source} webhook delivery: {Reason} (body sha256 {BodySha256})")]
    static partial void LogRefused(ILogger logger, string source, string reason, string bodySha256);
}
