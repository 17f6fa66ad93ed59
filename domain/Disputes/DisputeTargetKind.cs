namespace AgentTrust.Domain.Disputes;

/// <summary>What a dispute contests: an agent's governed decision (by action id), or a ticket outcome attributed to an agent.</summary>
public enum DisputeTargetKind
{
    Decision,
    Outcome,
}
