namespace AgentTrust.Domain.Pacts;

/// <summary>
/// What an autonomous agent needs to apply an action of one downside level alone: both trust lower bounds at least
/// <paramref name="MinLowerBound"/> (0-1), or, with <paramref name="Human"/>, a person every time.
/// </summary>
public sealed record DownsideRequirement(double? MinLowerBound = null, bool Human = false);
