namespace AgentTrust.Orchestrations.Disputes;

/// <summary>The custom status of a running dispute: its stage, the deadline, and the jury's view once it is known.</summary>
public sealed record DisputeProgress(DisputeStage Stage, DateTimeOffset Deadline, DisputeJuryView? Jury = null)
{
    public bool AwaitsAdjudicator => Stage == DisputeStage.AwaitingAdjudication;
}
