namespace AgentTrust.Domain.Autonomy;

/// <summary>What moved the ladder: a trust update, the clock (windows roll, days end), or an autonomous action spent.</summary>
public enum AutonomySignalKind
{
    /// <summary>A trust signal was applied: the scores after it, whether it was bad, and the violations in it.</summary>
    Trust,

    /// <summary>Only time passed: the error budget's window and the ledger's day are brought up to date.</summary>
    Tick,

    /// <summary>An action was applied without a human: one autonomous action is spent from the day's budget.</summary>
    Spend,
}
