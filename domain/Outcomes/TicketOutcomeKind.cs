namespace AgentTrust.Domain.Outcomes;

/// <summary>What happened to a ticket after the fact: the signals that later raise or lower an agent's trust.</summary>
public enum TicketOutcomeKind
{
    /// <summary>The ticket was resolved (ServiceNow incident state 6 / problem 106; Jira resolution set).</summary>
    Resolved,

    /// <summary>A resolved ticket came back: the fix did not hold.</summary>
    Reopened,

    /// <summary>The ticket moved to another assignment group or assignee: the routing was wrong.</summary>
    Reassigned,

    /// <summary>The ticket was escalated: priority raised or the escalation level went up.</summary>
    Escalated,

    /// <summary>A change closed as failed (ServiceNow close code <c>unsuccessful</c>; a Jira failure resolution).</summary>
    ChangeClosedFailed,

    /// <summary>A change closed as successful.</summary>
    ChangeClosedSuccessful,

    /// <summary>
    /// The ticket was opened: the start of its MTTR (opened to resolved). Neither for nor against an agent, so it moves
    /// no trust score. Appended last so the numbers of the other kinds never change.
    /// </summary>
    Opened,
}
