namespace AgentTrust.Domain.Disputes;

/// <summary>
/// A validated dispute as a person filed it. <paramref name="DisputeKey"/> makes filing idempotent: the same key always
/// names the same dispute. A decision dispute names <paramref name="ActionId"/>; an outcome dispute names the outcome's
/// event id and ticket (and the agent, when several agents' decisions touched the ticket).
/// </summary>
public sealed record DisputeRequest(
    string DisputeKey,
    DisputeTargetKind Kind,
    string Disputant,
    DisputantRole Role,
    string Reason,
    string? ActionId = null,
    string? OutcomeEventId = null,
    string? TicketSystem = null,
    string? TicketId = null,
    string? AgentId = null);
