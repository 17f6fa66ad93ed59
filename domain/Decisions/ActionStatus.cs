namespace AgentTrust.Domain.Decisions;

/// <summary>
/// Where a governed action stands. Only <see cref="Evaluating"/>, <see cref="AwaitingApproval"/> and <see cref="Escalated"/>
/// are not final.
/// </summary>
public enum ActionStatus
{
    Evaluating,
    AwaitingApproval,

    /// <summary>Applied without a human: the pact and the agent's standing allowed it.</summary>
    Applied,

    /// <summary>A human approved it.</summary>
    Approved,

    /// <summary>A human rejected it.</summary>
    Rejected,

    /// <summary>Nobody answered in time: failed closed, never applied, and not a human rejection.</summary>
    Expired,

    Blocked,

    /// <summary>Evaluated and recorded in shadow mode; never applied.</summary>
    Shadowed,

    /// <summary>
    /// Still waiting for a human, but the first approver groups did not answer in time and the request has climbed the
    /// pact's escalation ladder. Not final. Appended last so the numbers of the other states never change.
    /// </summary>
    Escalated,
}
