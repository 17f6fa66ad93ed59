namespace AgentTrust.Domain.Metrics;

/// <summary>The kind of ITSM record a lifecycle event belongs to: metrics treat incidents and changes differently.</summary>
public enum TicketRecordKind
{
    Incident,
    Change,
}
