using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Outcomes;

namespace AgentTrust.Orchestrations.Ticketing.Mapping;

/// <summary>
/// What one authenticated webhook event means to AgentTrust: agent actions to govern, ticket outcomes to record,
/// or nothing (with the reason), or errors when the payload is not what the source is configured to send.
/// </summary>
public sealed record WebhookMapping(
    string EventId,
    IReadOnlyList<ProposedAction> Actions,
    IReadOnlyList<TicketOutcome> Outcomes,
    IReadOnlyList<FieldError> Errors)
{
    public static WebhookMapping Invalid(params FieldError[] errors) => new(string.Empty, [], [], errors);
}
