namespace AgentTrust.Domain.Pacts;

/// <summary>What sets a consequence path off.</summary>
public enum ConsequenceTrigger
{
    /// <summary>Any violation of a critical clause.</summary>
    CriticalViolation,

    /// <summary>At least <c>threshold</c> violations (any severity above info) within <c>windowHours</c>.</summary>
    ViolationCount,

    /// <summary>The agent's trust score in the lane falls below <c>threshold</c> (0-100).</summary>
    TrustBelow,
}
