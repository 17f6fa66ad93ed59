namespace AgentTrust.Domain.Judging;

/// <summary>
/// The port every judge implements. A judge answers one judged clause for one action. It should return
/// <see cref="Verdict.Abstain"/> rather than guess; callers still treat an exception or a timeout as an abstention.
/// </summary>
public interface IJudge
{
    /// <summary>Stable id, the key of its reliability weight and of its verdicts in the evidence.</summary>
    string Id { get; }

    /// <summary>Changes whenever the judge's behaviour can change (model, prompt, training data).</summary>
    string Version { get; }

    ValueTask<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken);

    /// <summary>The judge's reliability as measured on held-out data, the prior of its weight; null when never measured.</summary>
    JudgeReliability? MeasuredReliability => null;
}
