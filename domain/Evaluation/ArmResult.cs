namespace AgentTrust.Domain.Evaluation;

/// <summary>
/// What one way of governing did on a stream of actions. A person who reviews an action decides as the record shows
/// (right actions approved, wrong ones rejected), so only automated wrong actions reach tickets.
/// </summary>
/// <param name="Arm">none, threshold or agenttrust.</param>
/// <param name="Threshold">The confidence threshold of the baseline arm; null for the others.</param>
/// <param name="HumanReviews">Actions a person was asked to approve.</param>
/// <param name="Blocked">Actions refused outright (a person handles the ticket instead).</param>
/// <param name="ConstrainedAfterDrift">Actions from the drift point to the first action decided under a constrained tier; null when never.</param>
public sealed record ArmResult(
    string Arm,
    double? Threshold,
    int Actions,
    int Automated,
    int HumanReviews,
    int Blocked,
    int WrongReached,
    int WrongHighReached,
    int WrongLowReached,
    int? ConstrainedAfterDrift)
{
    public double AutomationRate => Actions == 0 ? 0 : (double)Automated / Actions;

    /// <summary>Every action not applied automatically lands on a person's desk: reviews, and blocked or shadowed tickets.</summary>
    public int HumanWorkload => Actions - Automated;
}
