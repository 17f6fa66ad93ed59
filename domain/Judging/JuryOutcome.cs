namespace AgentTrust.Domain.Judging;

/// <summary>What the jury concluded on one clause. Uncertain goes to a human; it is never a pass.</summary>
public enum JuryOutcome
{
    Pass,
    Fail,
    Uncertain,
}
