using AgentTrust.Domain.Actions;
using AgentTrust.Orchestrations.Api;
using Azure;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// <c>GET /api/actions?status=&amp;pageSize=&amp;continuationToken=</c>: decided actions newest first with their decision
/// and reasons, paged server-side from the action feed; <c>status=awaiting-approval</c> lists the actions waiting for a
/// person (oldest first), any other status filters the feed. Changes nothing.
/// </summary>
public sealed class ListActionsHandler(TableActionFeed feed, ConsoleSignIn signIn)
{
    /// <summary>Statuses a decided action can have in the feed (the API's kebab-case names).</summary>
    public static readonly IReadOnlyList<string> Statuses = ["awaiting-approval", "escalated", "applied", "shadowed", "blocked", "approved", "rejected", "expired"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (signIn.RefuseAnonymousRead(request) is { } refused)
        {
            return refused;
        }

        var (page, errors) = PageQuery.Read(request);
        var status = request.Query("status");
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("status", "must be one of " + string.Join(", ", Statuses)));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, "The query has errors.", errors);
        }

        // Waiting means waiting on either rung: both live in the pending rows, which only ever hold waiting actions.
        var pending = status is "awaiting-approval";
        ActionFeedPage result;
        try
        {
            result = await feed.PageAsync(pending, pending ? null : status, page!.PageSize, page.StorageToken, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 400 } or FormatException or ArgumentException)
        {
            return Problems.Validation(request, "The query has errors.", [new FieldError("continuationToken", "is not a token this API returned")]);
        }

        return ApiResponse.Json(200, new
        {
            items = result.Items.Select(i => new
            {
                i.Id,
                i.Status,
                i.AgentId,
                i.Lane,
                ticket = new { system = i.TicketSystem, id = i.TicketId },
                i.Decision,
                i.Reasons,
                i.DecidedAt,
                i.Approver,
                i.Comment,
                i.AnsweredAt,
                i.Evidence,
                links = new { self = $"/api/actions/{i.Id}" },
            }),
            continuationToken = ContinuationTokens.Encode(result.ContinuationToken),
            links = new { next = PageQuery.NextLink(request, result.ContinuationToken) },
        });
    }
}
