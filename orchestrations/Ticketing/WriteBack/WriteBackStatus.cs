namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>How a write-back ended.</summary>
public enum WriteBackStatus
{
    /// <summary>This call changed the ticket.</summary>
    Applied,

    /// <summary>The ticket already carried this action's marker: an earlier attempt applied it.</summary>
    AlreadyApplied,

    /// <summary>No writer is configured for the ticket's system; the decision stands, nothing was written.</summary>
    NotConfigured,

    /// <summary>The ticketing system refused or stayed unavailable through every attempt.</summary>
    Failed,
}
