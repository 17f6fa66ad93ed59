namespace AgentTrust.Domain.Judging;

/// <summary>
/// A judge's reliability as a Beta posterior over "agrees with the truth": the prior comes from its measured
/// held-out accuracy, and every human label adds one observation. The weight of its vote is the log-odds of that
/// reliability (the optimal weight for independent voters), so a coin-flip judge counts for nothing.
/// </summary>
public sealed record JudgeReliability(string JudgeId, double Alpha, double Beta)
{
    /// <summary>Weights are capped so no single judge, however good its record, outvotes the rest on its own for long.</summary>
    public const double MaxWeight = 3.0;

    public double Mean => Alpha / (Alpha + Beta);

    public double Observations => Alpha + Beta;

    public double Weight => Math.Clamp(Math.Log(Alpha / Beta), 0, MaxWeight);

    /// <summary>A prior worth <paramref name="pseudoCount"/> observations at the measured accuracy.</summary>
    public static JudgeReliability FromAccuracy(string judgeId, double accuracy, double pseudoCount = 20)
    {
        var a = Math.Clamp(accuracy, 0.01, 0.99);
        return new JudgeReliability(judgeId, a * pseudoCount, (1 - a) * pseudoCount);
    }

    public JudgeReliability Observe(bool agreedWithHuman) =>
        agreedWithHuman ? this with { Alpha = Alpha + 1 } : this with { Beta = Beta + 1 };
}
