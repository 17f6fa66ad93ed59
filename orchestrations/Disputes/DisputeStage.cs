namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Where a running dispute stands.</summary>
public enum DisputeStage
{
    /// <summary>Filed; the jury is looking at the action again.</summary>
    Open,

    /// <summary>The adjudicators were told; waiting for their answer until the deadline.</summary>
    AwaitingAdjudication,
}
