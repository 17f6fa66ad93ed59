using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// Tells one rung's approver groups that an action waits for them: for every group, every channel that knows the group,
/// every recipient gets their own approve and reject links (tokens bound to the action's digest and to that recipient,
/// valid until the approval deadline). Never throws for a failing notifier: the failure is returned and recorded as
/// evidence, and the workflow still waits and escalates. A group no channel knows is reported too, never skipped silently.
/// </summary>
public sealed class NotifyApproversActivity(IServiceProvider services) : TaskActivity<NotifyApproversRequest, IReadOnlyList<NotificationResult>>
{
    public override async Task<IReadOnlyList<NotificationResult>> RunAsync(TaskActivityContext context, NotifyApproversRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        var notifiers = services.GetServices<INotifier>().ToList();
        var tokens = services.GetService<ApprovalTokens>();
        var options = services.GetService<IOptions<ApprovalOptions>>()?.Value ?? new ApprovalOptions();
        var results = new List<NotificationResult>();
        foreach (var group in request.ApproverGroups)
        {
            var reached = false;
            foreach (var notifier in notifiers)
            {
                foreach (var recipient in notifier.RecipientsFor(group))
                {
                    reached = true;
                    results.Add(tokens is null
                        ? new NotificationResult(notifier.Channel, group, recipient, false, "no approval token key is configured")
                        : await SendAsync(notifier, request, group, recipient, tokens, options.PublicBaseUrl).ConfigureAwait(false));
                }
            }

            if (!reached)
            {
                results.Add(new NotificationResult("none", group, null, false, "no notification channel is configured for this group"));
            }
        }

        return results;
    }

    static async Task<NotificationResult> SendAsync(INotifier notifier, ApprovalRequest request, string group, string recipient, ApprovalTokens tokens, Uri baseUrl)
    {
        var expires = request.Deadline.ToUnixTimeSeconds();
        var approve = new ApprovalTokenClaims(request.ActionId, request.ActionDigest, recipient, ApprovalTokenClaims.Approve, expires, ApprovalTokens.NewNonce());
        var reject = approve with { Decision = ApprovalTokenClaims.Reject, Nonce = ApprovalTokens.NewNonce() };
        var notification = new ApprovalNotification(request, group, recipient, ConfirmUrl(baseUrl, request.ActionId, tokens.Issue(approve)), ConfirmUrl(baseUrl, request.ActionId, tokens.Issue(reject)));
        NotificationResult result;
        try
        {
            result = await notifier.NotifyAsync(notification, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A broken channel must not stop the wait; it is recorded instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = new NotificationResult(notifier.Channel, group, recipient, false, $"{ex.GetType().Name}: {ex.Message}");
        }

        return result with { TokenIds = [approve.Nonce, reject.Nonce] };
    }

    /// <summary>The confirmation page link; the token rides in the query because mail clients only follow plain links.</summary>
    public static Uri ConfirmUrl(Uri baseUrl, string actionId, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(baseUrl, $"/api/approvals/{Uri.EscapeDataString(actionId)}/confirm?token={Uri.EscapeDataString(token)}");
    }
}
