using AgentTrust.Orchestrations.Governance;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/actions</c>: accepts an agent's proposed action and starts its governed workflow. The workflow id
/// is derived from the idempotency key, so a retry returns the first workflow's status and starts nothing.
/// A client may send <c>Prefer: wait=N</c> to wait up to N seconds for the decision.
/// </summary>
public sealed class ProposeActionHandler(IOptions<ApiOptions> options, TimeProvider time)
{
    readonly GovernedActionStarter starter = new(time);

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var limits = options.Value;
        if (JsonRequests.Refuse(request, limits.MaxBodyBytes) is { } refused)
        {
            return refused;
        }

        var (action, errors) = ProposedActionReader.Read(request.Body, request.Header("Idempotency-Key"));
        if (action is null)
        {
            return Problems.Validation(request, "The proposed action has errors; nothing was started.", errors);
        }

        var start = await starter.StartAsync(action, client, cancellationToken).ConfigureAwait(false);
        var id = start.Id;
        if (start.KeyReused)
        {
            return Problems.Unprocessable(
                request,
                "idempotency-key-reused",
                "The idempotency key was used for another action",
                $"Agent '{action.AgentId}' already used key '{action.IdempotencyKey}' for a different action ({id}); use a new key for a new action.");
        }

        var replayed = start.Replayed;
        var metadata = await WaitAsync(client, id, request.Header("Prefer"), limits.MaxWaitSeconds, cancellationToken).ConfigureAwait(false);
        var view = metadata is null ? null : ActionViews.From(metadata, request.Url);
        var headers = new Dictionary<string, string> { ["Location"] = $"/api/actions/{id}" };
        if (replayed)
        {
            headers["Idempotent-Replayed"] = "true";
        }

        return ApiResponse.Json(replayed ? 200 : 202, (object?)view ?? new { id, status = "evaluating" }, headers);
    }

    /// <summary>Polls the workflow until it settles or the client's wait runs out (RFC 7240 <c>Prefer: wait</c>).</summary>
    async Task<OrchestrationMetadata?> WaitAsync(DurableTaskClient client, string id, string? prefer, int maxWaitSeconds, CancellationToken cancellationToken)
    {
        var wait = PreferWait.Parse(prefer, maxWaitSeconds);
        var deadline = time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency);
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
            if (metadata is null || ActionViews.IsSettled(metadata) || time.GetTimestamp() >= deadline)
            {
                return metadata;
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 100));
        }
    }
}
