namespace AgentTrust.Domain.Judging;

/// <summary>One judge's answer on one judged clause.</summary>
public enum Verdict
{
    Pass,
    Fail,

    /// <summary>The judge has nothing to say (not its kind of action, no model, timed out, errored): never a vote.</summary>
    Abstain,
}
