namespace AgentTrust.Domain.Trust;

/// <summary>
/// One Beta-reputation score as of a time: the mean, the lower confidence bound (what to act on: an agent with little
/// evidence has a wide interval and so a low bound), the Beta parameters behind it and the trend.
/// </summary>
/// <param name="Evidence">Decayed evidence mass (alpha + beta minus the prior).</param>
/// <param name="Events">Signals folded in, undecayed count.</param>
/// <param name="Trend">Recent mean (fast half-life) minus the mean: positive when the agent is getting better.</param>
/// <param name="TrendDirection"><c>improving</c>, <c>declining</c> or <c>steady</c>.</param>
public sealed record DimensionScore(
    double Mean,
    double LowerBound,
    double Alpha,
    double Beta,
    double Evidence,
    long Events,
    double Trend,
    string TrendDirection);
