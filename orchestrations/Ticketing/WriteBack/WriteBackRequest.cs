using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;

namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>An approved or autonomous action to apply to its ticket, with the decision and evidence the work note names.</summary>
public sealed record WriteBackRequest(
    string ActionId,
    string AgentId,
    string Lane,
    TicketReference Ticket,
    string ActionType,
    JsonElement Fields,
    ActionStatus Status,
    Decision Decision,
    string? Approver,
    IReadOnlyList<string> Evidence);
