using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Orchestrations.Governance;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/approvals/{id}</c>: a human's answer to an action that waits for approval, for API clients (in production
/// behind Entra ID: the approver named in the body is taken on trust; people use the signed links). Refused (409) when the
/// action is not waiting, so a late or repeated answer never changes a decided action.
/// </summary>
public sealed class SubmitApprovalHandler(IOptions<ApiOptions> options)
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
        if (!ActionIds.LooksValid(id))
        {
            return Problems.NotFound(request, $"There is no action '{id}'.");
        }

        var (decision, errors) = Read(request.Body);
        if (decision is null)
        {
            return Problems.Validation(request, "The approval has errors; nothing was recorded.", errors);
        }

        return await DecideAsync(request, id!, decision, client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Raises a person's answer on a waiting action: the one path every answer without a link token takes (this API and
    /// the trust console, which names the signed-in approver).
    /// </summary>
    public static async Task<ApiResponse> DecideAsync(ApiRequest request, string id, ApprovalDecision decision, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(client);
        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return Problems.NotFound(request, $"There is no action '{id}'.");
        }

        var progress = metadata.IsRunning && metadata.SerializedCustomStatus is not null ? metadata.ReadCustomStatusAs<ActionProgress>() : null;
        if (progress?.AwaitsHuman != true)
        {
            var view = ActionViews.From(metadata, request.Url);
            return Problems.Conflict(request, "not-awaiting-approval", "The action is not waiting for approval", $"Action '{id}' is '{view.Status}'.");
        }

        await client.RaiseEventAsync(id, ApprovalDecision.EventName, decision, cancellationToken).ConfigureAwait(false);
        // From the proposal being accepted to the human's answer.
        Telemetry.AgentTrustTelemetry.ApprovalLatency.Record(
            (DateTimeOffset.UtcNow - metadata.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("approved", decision.Approved));
        return ApiResponse.Json(202, new { id, accepted = true, approved = decision.Approved, links = new { action = $"/api/actions/{id}" } });
    }

    static (ApprovalDecision? Decision, IReadOnlyList<FieldError> Errors) Read(ReadOnlyMemory<byte> body)
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

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("approved" or "approver" or "comment"))
                {
                    errors.Add(new FieldError(property.Name, "is not a known field"));
                }
            }

            bool? approved = root.TryGetProperty("approved", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False ? a.GetBoolean() : null;
            if (approved is null)
            {
                errors.Add(new FieldError("approved", "is required: true or false"));
            }

            var approver = root.TryGetProperty("approver", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            if (string.IsNullOrWhiteSpace(approver) || approver.Length > 256)
            {
                errors.Add(new FieldError("approver", "is required: who decides (at most 256 characters)"));
            }

            string? comment = null;
            if (root.TryGetProperty("comment", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                comment = c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                if (comment is null || comment.Length > 2000)
                {
                    errors.Add(new FieldError("comment", "must be a string of at most 2000 characters"));
                }
            }

            return errors.Count > 0 ? (null, errors) : (new ApprovalDecision(approved!.Value, approver!, comment), []);
        }
        catch (JsonException ex)
        {
            return (null, [new FieldError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1})")]);
        }
    }
}
