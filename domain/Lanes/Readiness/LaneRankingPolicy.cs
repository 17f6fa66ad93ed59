namespace AgentTrust.Domain.Lanes.Readiness;

/// <summary>
/// The thresholds of the lane ranking (bound from <c>AgentTrust:Lanes:Ranking</c>). Widening needs volume and both
/// lower bounds high (the bound, not the mean: thin evidence must not look good); constraining needs enough evidence
/// that the mean itself is poor, a decline, or conduct and outcome disagreeing.
/// </summary>
public sealed record LaneRankingPolicy
{
    public static LaneRankingPolicy Default { get; } = new();

    /// <summary>Signals (both dimensions) a lane needs before it is widened.</summary>
    public long MinEventsToWiden { get; init; } = 30;

    /// <summary>Both pooled lower bounds must reach this to widen.</summary>
    public double WidenLowerBound { get; init; } = 0.8;

    /// <summary>The least contained pact must reach this to widen.</summary>
    public double MinContainmentToWiden { get; init; } = 0.4;

    /// <summary>Largest |conduct − outcome| that still allows widening.</summary>
    public double MaxDivergenceToWiden { get; init; } = 0.15;

    /// <summary>Signals needed before poor scores constrain a lane (fewer: the prior still dominates).</summary>
    public long MinEventsToConstrain { get; init; } = 10;

    /// <summary>A pooled mean below this (with enough evidence) constrains.</summary>
    public double ConstrainMean { get; init; } = 0.6;

    /// <summary>Any agent trending down by more than this constrains.</summary>
    public double ConstrainTrend { get; init; } = 0.1;

    /// <summary>|conduct − outcome| above this (with enough evidence) constrains: the pact and the world disagree.</summary>
    public double ConstrainDivergence { get; init; } = 0.3;
}
