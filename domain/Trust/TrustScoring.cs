namespace AgentTrust.Domain.Trust;

/// <summary>Turns stored evidence into scores, decayed to the time asked for.</summary>
public static class TrustScoring
{
    public static TrustScore Score(TrustState state, DateTimeOffset asOf, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        var conduct = Score(state.Conduct, asOf, parameters);
        var outcome = Score(state.Outcome, asOf, parameters);
        return new TrustScore(state.AgentId, state.Lane, asOf, conduct, outcome, Round(conduct.Mean - outcome.Mean), state.Version, state.LastEventAt);
    }

    public static DimensionScore Score(BetaEvidence evidence, DateTimeOffset asOf, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(parameters);
        var now = evidence.DecayTo(asOf, parameters);
        var alpha = parameters.PriorAlpha + now.Positive;
        var beta = parameters.PriorBeta + now.Negative;
        var mean = alpha / (alpha + beta);
        var fastMean = (parameters.PriorAlpha + now.FastPositive) / (parameters.PriorAlpha + parameters.PriorBeta + now.FastPositive + now.FastNegative);
        var trend = fastMean - mean;
        var direction = trend > parameters.TrendThreshold ? "improving" : trend < -parameters.TrendThreshold ? "declining" : "steady";
        return new DimensionScore(
            Round(mean), Round(LowerBound(alpha, beta, parameters.Z)), Round(alpha), Round(beta), Round(now.Positive + now.Negative), now.Events, Round(trend), direction);
    }

    /// <summary>
    /// Lower bound of the Beta(alpha, beta) credible interval by its normal approximation (mean − z·sd), clamped to
    /// [0, 1]. With the uniform prior and no evidence this is about 0.03: a new agent is not trusted.
    /// </summary>
    public static double LowerBound(double alpha, double beta, double z)
    {
        var n = alpha + beta;
        var mean = alpha / n;
        var sd = Math.Sqrt(alpha * beta / (n * n * (n + 1)));
        return Math.Clamp(mean - (z * sd), 0, 1);
    }

    /// <summary>Scores are reported to six places: beyond that, differences are rounding of the fold order.</summary>
    static double Round(double value) => Math.Round(value, 6, MidpointRounding.ToEven);
}
