namespace AgentTrust.Domain.Trust;

/// <summary>
/// The two scores kept per agent and lane, apart, so that an agent that follows its pact but whose work does not hold
/// (or the reverse) shows as a divergence instead of being averaged away.
/// </summary>
public enum TrustDimension
{
    /// <summary>From evaluations: clause violations by severity and jury verdicts at decision time.</summary>
    Conduct,

    /// <summary>From what happened after: reopened tickets, failed changes, bounced escalations, human rejections.</summary>
    Outcome,
}
