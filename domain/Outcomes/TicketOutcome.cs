namespace AgentTrust.Domain.Outcomes;

/// <summary>
/// One observed outcome on a ticket, from a ticketing webhook or the outcomes API. Stored once per
/// <see cref="EventId"/>, so a redelivered webhook never counts twice.
/// </summary>
/// <param name="EventId">Unique per source event and outcome kind, e.g. <c>servicenow:3b1f...:resolved</c>.</param>
/// <param name="TicketSystem">The ticketing system, e.g. <c>servicenow</c> or <c>jira</c>.</param>
/// <param name="TicketId">The ticket as people know it: <c>INC0010023</c>, <c>ITSM-42</c>.</param>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredAt">When the ticketing system says it happened.</param>
/// <param name="Actor">Who made the change in the ticketing system, when the payload names them.</param>
/// <param name="Detail">The source's own words: the close code, the new group, the new priority.</param>
/// <param name="AgentId">The agent the outcome is about, when the ticket names it (AgentTrust's write-back marker).</param>
/// <param name="ActionId">The governed action the outcome follows, when the ticket names it.</param>
public sealed record TicketOutcome(
    string EventId,
    string TicketSystem,
    string TicketId,
    TicketOutcomeKind Kind,
    DateTimeOffset OccurredAt,
    string? Actor = null,
    string? Detail = null,
    string? AgentId = null,
    string? ActionId = null);
