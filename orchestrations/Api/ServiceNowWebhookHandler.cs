using AgentTrust.Domain.Ticketing;
using AgentTrust.Orchestrations.Ticketing.Mapping;
using AgentTrust.Orchestrations.Ticketing.Webhooks;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/webhooks/servicenow</c>: a ServiceNow business rule's event for an incident, change or problem,
/// signed with HMAC-SHA256 (<c>X-AgentTrust-Signature</c> over <c>X-AgentTrust-Timestamp</c> + "." + body).
/// </summary>
public sealed class ServiceNowWebhookHandler(WebhookIntake intake, WebhookAuthenticator authenticator)
{
    public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        intake.HandleAsync(TicketSystems.ServiceNow, request, client, authenticator.CheckServiceNow, ServiceNowWebhookMapper.Map, cancellationToken);
}
