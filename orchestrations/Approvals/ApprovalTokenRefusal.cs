namespace AgentTrust.Orchestrations.Approvals;

/// <summary>Why an approval link token was refused. Every refusal is recorded.</summary>
public enum ApprovalTokenRefusal
{
    /// <summary>Not a token at all (missing, wrong shape, unreadable claims).</summary>
    Malformed,

    /// <summary>The signature does not match: altered, or signed with another key.</summary>
    Tampered,

    Expired,

    /// <summary>A genuine token for another action, or for an action whose content has since changed.</summary>
    Foreign,

    /// <summary>Already used once.</summary>
    Replayed,
}
