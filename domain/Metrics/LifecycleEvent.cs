namespace AgentTrust.Domain.Metrics;

/// <summary>
/// One event in a ticket's life, the common input of every ITSM metric, whichever source it came from (an importer
/// for a records file, or the stored ticket outcomes).
/// </summary>
/// <param name="TicketId">The ticket as its system names it.</param>
/// <param name="RecordKind">Incident or change.</param>
/// <param name="Type">What happened.</param>
/// <param name="At">When it happened.</param>
/// <param name="Lane">The lane the work belongs to.</param>
/// <param name="Handler">Human or agent.</param>
/// <param name="AgentId">The agent, when an agent handled it.</param>
/// <param name="Team">The team (assignment group, support team) after the event, when known.</param>
/// <param name="Level">The support level after the event (<c>L1</c>, <c>L2</c>, <c>L3</c>), when known.</param>
public sealed record LifecycleEvent(
    string TicketId,
    TicketRecordKind RecordKind,
    LifecycleEventType Type,
    DateTimeOffset At,
    string Lane,
    WorkHandler Handler = WorkHandler.Human,
    string? AgentId = null,
    string? Team = null,
    string? Level = null);
