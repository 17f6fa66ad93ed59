using AgentTrust.Orchestrations.Disputes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/disputes/{id}/resolution</c>: the adjudicator's answer, <c>upheld</c> or <c>overturned</c> (in production
/// behind Entra ID, like the approval API: the adjudicator named in the body is taken on trust). Refused when the dispute
/// is not waiting for one (409), and when the adjudicator is the person who filed it (422): nobody judges their own dispute.
/// </summary>
public sealed class ResolveDisputeHandler(IOptions<ApiOptions> options)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (JsonRequests.Refuse(request, options.Value.MaxBodyBytes) is { } refused)
        {
            return refused;
        }

        var id = request.RouteValue("id");
        if (!DisputeIds.LooksValid(id))
        {
            return Problems.NotFound(request, $"There is no dispute '{id}'.");
        }

        var (answer, errors) = DisputeReader.ReadResolution(request.Body);
        if (answer is null)
        {
            return Problems.Validation(request, "The resolution has errors; nothing was recorded.", errors);
        }

        var metadata = await client.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (metadata is null || !string.Equals(metadata.Name, nameof(DisputeOrchestrator), StringComparison.Ordinal))
        {
            return Problems.NotFound(request, $"There is no dispute '{id}'.");
        }

        var progress = metadata.IsRunning && metadata.SerializedCustomStatus is not null ? metadata.ReadCustomStatusAs<DisputeProgress>() : null;
        if (progress?.AwaitsAdjudicator != true)
        {
            var view = DisputeViews.From(metadata, request.Url);
            return Problems.Conflict(request, "dispute-not-awaiting-adjudication", "The dispute is not waiting for an adjudicator", $"Dispute '{id}' is '{view.Status}'.");
        }

        var input = metadata.ReadInputAs<DisputeInput>();
        if (input is not null && string.Equals(input.Request.Disputant, answer.Adjudicator, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Unprocessable(
                request, "adjudicator-is-disputant", "The adjudicator filed this dispute", "A dispute is adjudicated by someone other than the person who filed it.",
                [new Domain.Actions.FieldError("adjudicator", "must not be the disputant")]);
        }

        await client.RaiseEventAsync(id!, AdjudicatorAnswer.EventName, answer, cancellationToken).ConfigureAwait(false);
        return ApiResponse.Json(
            202,
            new { id, accepted = true, verdict = DisputeViews.Name(answer.Verdict), links = new { dispute = $"/api/disputes/{id}" } },
            new Dictionary<string, string> { ["Location"] = $"/api/disputes/{id}" });
    }
}
