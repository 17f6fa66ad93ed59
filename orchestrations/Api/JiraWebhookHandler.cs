using AgentTrust.Domain.Ticketing;
using AgentTrust.Orchestrations.Ticketing.Mapping;
using AgentTrust.Orchestrations.Ticketing.Webhooks;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/webhooks/jira</c>: Jira Service Management issue created/updated webhooks, signed by Jira with the
/// webhook's secret (<c>X-Hub-Signature: sha256=...</c> over the body; the send time is the body's <c>timestamp</c>).
/// </summary>
public sealed class JiraWebhookHandler(WebhookIntake intake, WebhookAuthenticator authenticator, IOptions<WebhookOptions> options)
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        intake.HandleAsync(TicketSystems.Jira, request, client, authenticator.CheckJira, (payload, _) => JiraWebhookMapper.Map(payload, options.Value.Jira), cancellationToken);
}
