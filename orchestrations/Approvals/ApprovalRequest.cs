using AgentTrust.Domain.Decisions;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// One rung of an approval wait, as the approvers are told about it: which action (and its digest, which every link
/// token is bound to), why a human is asked, which groups are asked on this rung and until when.
/// </summary>
public sealed record ApprovalRequest(
    string ActionId,
    string ActionDigest,
    string AgentId,
    string Lane,
    string TicketSystem,
    string TicketId,
    string ActionType,
    IReadOnlyList<string> Reasons,
    int Rung,
    IReadOnlyList<string> ApproverGroups,
    DateTimeOffset RequestedAt,
    DateTimeOffset RungDeadline,
    DateTimeOffset Deadline)
{
    /// <summary>True when the request has climbed past the pact's first approver groups.</summary>
    public bool Escalated => Rung > 0;

    internal static ApprovalRequest Describe(string actionId, string actionDigest, Domain.Actions.ProposedAction action, Decision decision,
        int rung, IReadOnlyList<string> groups, DateTimeOffset requestedAt, DateTimeOffset rungDeadline, DateTimeOffset deadline) =>
        new(actionId, actionDigest, action.AgentId, action.Lane, action.Ticket.System, action.Ticket.Id, action.ActionType,
            decision.Reasons, rung, groups, requestedAt, rungDeadline, deadline);
}
