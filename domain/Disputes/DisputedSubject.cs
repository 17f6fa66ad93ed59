using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Outcomes;

namespace AgentTrust.Domain.Disputes;

/// <summary>
/// What the dispute is about, as found when it was filed: the agent, lane and ticket, the governed action (its content,
/// digest and final status) for a decision dispute, and the outcome with the action it was attributed to for an
/// outcome dispute. Captured once, so the workflow never reads the world to learn what it is deciding.
/// </summary>
public sealed record DisputedSubject(
    string AgentId,
    string Lane,
    string TicketSystem,
    string TicketId,
    string? ActionId,
    string? ActionDigest,
    ProposedAction? Action,
    ActionStatus? OriginalStatus,
    TicketOutcome? Outcome = null)
{
    /// <summary>True when the agent's action took effect (applied without a human, or approved by one).</summary>
    public bool TookEffect => OriginalStatus is ActionStatus.Applied or ActionStatus.Approved;
}
