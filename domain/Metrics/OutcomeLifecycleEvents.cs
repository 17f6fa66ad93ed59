using AgentTrust.Domain.Outcomes;

namespace AgentTrust.Domain.Metrics;

/// <summary>
/// Turns stored ticket outcomes (webhooks, the outcomes API) into lifecycle events. An outcome naming an agent is
/// agent-handled work; one without is human work. Outcomes carry no lane, so incidents count in the incident
/// classification lane and changes in the change risk lane, as imported records do.
/// </summary>
public static class OutcomeLifecycleEvents
{
    public static LifecycleEvent From(TicketOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var change = outcome.Kind is TicketOutcomeKind.ChangeClosedFailed or TicketOutcomeKind.ChangeClosedSuccessful;
        var type = outcome.Kind switch
        {
            TicketOutcomeKind.Opened => LifecycleEventType.Opened,
            TicketOutcomeKind.Resolved => LifecycleEventType.Resolved,
            TicketOutcomeKind.Reopened => LifecycleEventType.Reopened,
            TicketOutcomeKind.Reassigned => LifecycleEventType.Reassigned,
            TicketOutcomeKind.Escalated => LifecycleEventType.Escalated,
            TicketOutcomeKind.ChangeClosedFailed => LifecycleEventType.ChangeFailed,
            _ => LifecycleEventType.Closed,
        };
        return new LifecycleEvent(
            $"{outcome.TicketSystem}:{outcome.TicketId}",
            change ? TicketRecordKind.Change : TicketRecordKind.Incident,
            type,
            outcome.OccurredAt,
            change ? Lanes.Lanes.ChangeRiskWarning : Lanes.Lanes.IncidentClassification,
            outcome.AgentId is null ? WorkHandler.Human : WorkHandler.Agent,
            outcome.AgentId,
            Team: outcome.Kind == TicketOutcomeKind.Reassigned ? outcome.Detail : null);
    }
}
