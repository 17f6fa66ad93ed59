using AgentTrust.Orchestrations.Approvals;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>
/// Tells the adjudicator groups that a dispute waits for them, through the same notifiers as approvals (Teams, email).
/// The notice is shaped as an approval request on the dispute ("approve" = uphold the original, "reject" = overturn it);
/// its two links open the dispute (<c>GET /api/disputes/{id}</c>), which carries no token and changes nothing: the
/// adjudicator answers with <c>POST /api/disputes/{id}/resolution</c>. Never throws for a failing channel: the failure
/// is returned and recorded as evidence, and the dispute still waits until its deadline.
/// </summary>
public sealed class NotifyAdjudicatorsActivity(IServiceProvider services) : TaskActivity<DisputeNotice, IReadOnlyList<NotificationResult>>
{
    public override async Task<IReadOnlyList<NotificationResult>> RunAsync(TaskActivityContext context, DisputeNotice input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var notifiers = services.GetServices<INotifier>().ToList();
        var baseUrl = (services.GetService<IOptions<ApprovalOptions>>()?.Value ?? new ApprovalOptions()).PublicBaseUrl;
        var request = new ApprovalRequest(
            input.DisputeId, input.DisputeDigest, input.AgentId, input.Lane, input.TicketSystem, input.TicketId, input.Subject,
            input.Reasons, 0, input.Groups, input.FiledAt, input.Deadline, input.Deadline);
        var view = new Uri(baseUrl, $"/api/disputes/{Uri.EscapeDataString(input.DisputeId)}");
        var results = new List<NotificationResult>();
        foreach (var group in input.Groups)
        {
            var reached = false;
            foreach (var notifier in notifiers)
            {
                foreach (var recipient in notifier.RecipientsFor(group))
                {
                    reached = true;
                    var notification = new ApprovalNotification(
                        request, group, recipient, new Uri(view, "?answer=uphold"), new Uri(view, "?answer=overturn"));
                    try
                    {
                        results.Add(await notifier.NotifyAsync(notification, CancellationToken.None).ConfigureAwait(false));
                    }
#pragma warning disable CA1031 // A broken channel must not stop the dispute; it is recorded instead.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        results.Add(new NotificationResult(notifier.Channel, group, recipient, false, $"{ex.GetType().Name}: {ex.Message}"));
                    }
                }
            }

            if (!reached)
            {
                results.Add(new NotificationResult("none", group, null, false, "no notification channel is configured for this group"));
            }
        }

        return results;
    }
}
