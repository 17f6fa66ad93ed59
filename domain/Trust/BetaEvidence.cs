namespace AgentTrust.Domain.Trust;

/// <summary>
/// Decayed evidence mass for one score: positive and negative weight, as of <see cref="AnchorAt"/>, kept at two
/// half-lives (the main one and a fast one for the trend). Decay is applied from event times only, so folding the same
/// signals gives the same masses whether they arrive one by one or are replayed from the log.
/// </summary>
public sealed record BetaEvidence(
    double Positive,
    double Negative,
    double FastPositive,
    double FastNegative,
    DateTimeOffset? AnchorAt,
    long Events)
{
    public static BetaEvidence Empty { get; } = new(0, 0, 0, 0, null, 0);

    /// <summary>Adds one signal's weights. A signal older than the anchor is decayed forward to it (a late outcome).</summary>
    public BetaEvidence Add(double gain, double loss, DateTimeOffset at, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (AnchorAt is not { } anchor || at >= anchor)
        {
            var moved = DecayTo(at, parameters);
            return new BetaEvidence(
                moved.Positive + gain, moved.Negative + loss, moved.FastPositive + gain, moved.FastNegative + loss, at, Events + 1);
        }

        var slow = Decay.Factor(anchor - at, parameters.HalfLifeDays);
        var fast = Decay.Factor(anchor - at, parameters.TrendHalfLifeDays);
        return new BetaEvidence(
            Positive + (gain * slow), Negative + (loss * slow), FastPositive + (gain * fast), FastNegative + (loss * fast), anchor, Events + 1);
    }

    /// <summary>The masses as they stand at <paramref name="at"/> (no change when it is not after the anchor).</summary>
    public BetaEvidence DecayTo(DateTimeOffset at, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (AnchorAt is not { } anchor || at <= anchor)
        {
            return this;
        }

        var slow = Decay.Factor(at - anchor, parameters.HalfLifeDays);
        var fast = Decay.Factor(at - anchor, parameters.TrendHalfLifeDays);
        return new BetaEvidence(Positive * slow, Negative * slow, FastPositive * fast, FastNegative * fast, at, Events);
    }

    /// <summary>Keeps <paramref name="share"/> of the evidence: the agent now acts under a new version.</summary>
    public BetaEvidence Discount(double share) =>
        this with { Positive = Positive * share, Negative = Negative * share, FastPositive = FastPositive * share, FastNegative = FastNegative * share };
}
