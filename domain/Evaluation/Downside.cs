namespace AgentTrust.Domain.Evaluation;

/// <summary>How much a wrong action hurts when it reaches a ticket.</summary>
public enum Downside
{
    /// <summary>A wrong action people fix in passing: a P3 filed as P4, a false alarm on a safe change.</summary>
    Low,

    /// <summary>A wrong action that costs real damage: a P1/P2 misclassified, a risky change rated low.</summary>
    High,
}
