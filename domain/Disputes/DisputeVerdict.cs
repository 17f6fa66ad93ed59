namespace AgentTrust.Domain.Disputes;

/// <summary>How a dispute ended.</summary>
public enum DisputeVerdict
{
    /// <summary>The adjudicator found the original decision (or outcome attribution) right: it stands.</summary>
    Upheld,

    /// <summary>The adjudicator found it wrong.</summary>
    Overturned,

    /// <summary>Nobody adjudicated before the deadline: the original stands, and nothing about trust changes.</summary>
    Expired,
}
