using System.Text.Json;

namespace AgentTrust.Domain.Actions;

/// <summary>
/// What an agent proposes to do to a ticket. Immutable once accepted: the governed workflow, its evidence and
/// its decision all refer to this exact value (and its digest).
/// </summary>
/// <param name="AgentId">The agent that proposes the action.</param>
/// <param name="Lane">One of <see cref="Lanes.Lanes.All"/>.</param>
/// <param name="Ticket">The ticket the action touches.</param>
/// <param name="ActionType">What the agent wants to do, e.g. <c>classify</c>, <c>warn</c>, <c>reply</c>.</param>
/// <param name="Fields">The proposed fields of the action (a JSON object), e.g. priority and category.</param>
/// <param name="Confidence">The agent's own confidence in the action, 0 to 1.</param>
/// <param name="IdempotencyKey">The caller's key: the same key never starts a second workflow.</param>
/// <param name="Rationale">The agent's explanation, kept as evidence.</param>
public sealed record ProposedAction(
    string AgentId,
    string Lane,
    TicketReference Ticket,
    string ActionType,
    JsonElement Fields,
    double Confidence,
    string IdempotencyKey,
    string? Rationale = null);
