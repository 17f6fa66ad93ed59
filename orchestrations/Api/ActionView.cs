using AgentTrust.Domain.Decisions;

namespace AgentTrust.Orchestrations.Api;

/// <summary>What <c>GET /api/actions/{id}</c> shows: where the action stands, the decision and its reasons, and its evidence.</summary>
public sealed record ActionView(
    string Id,
    string Status,
    string? AgentId,
    string? Lane,
    ActionTicketView? Ticket,
    string? ActionType,
    double? Confidence,
    Decision? Decision,
    ApprovalRecord? Approval,
    DateTimeOffset? ApprovalDeadline,
    IReadOnlyList<string>? ApproverGroups,
    IReadOnlyList<string> Evidence,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    IReadOnlyDictionary<string, string> Links,
    string? Failure = null,
    string? Degraded = null,
    string? WorkflowVersion = null);
