namespace AgentTrust.Domain.Metrics;

/// <summary>What happened to a ticket at one moment of its life.</summary>
public enum LifecycleEventType
{
    /// <summary>The ticket was opened (the start of MTTR). Its team and support level are where it started.</summary>
    Opened,

    /// <summary>The ticket was resolved (the end of MTTR; the first one counts).</summary>
    Resolved,

    /// <summary>A resolved ticket came back.</summary>
    Reopened,

    /// <summary>The ticket was closed for good.</summary>
    Closed,

    /// <summary>The ticket moved to another team (the event's team is the new one, when known).</summary>
    Reassigned,

    /// <summary>The ticket was escalated (explicitly, or its support level went up).</summary>
    Escalated,

    /// <summary>The support level changed (the event's level is the new one); up or down is read from the levels.</summary>
    LevelChanged,

    /// <summary>A change caused at least one incident: the change counts as failed.</summary>
    ChangeFailed,

    /// <summary>An approval given on the ticket was later overturned.</summary>
    ApprovalOverturned,
}
