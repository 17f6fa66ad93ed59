namespace AgentTrust.Domain.Pacts;

/// <summary>
/// The pact's rating of blast radius and reversibility: the highest level among the rules that match is the action's
/// downside (low when none does). High-downside actions need <paramref name="High"/> (default: a human every time),
/// medium ones <paramref name="Medium"/> (default: nothing more), whatever the agent's confidence.
/// </summary>
public sealed record DownsidePolicy(
    IReadOnlyList<DownsideRule> Rules,
    DownsideRequirement? Medium = null,
    DownsideRequirement? High = null)
{
    /// <summary>What a level needs when the pact does not say: a human for high, nothing more for the rest.</summary>
    public DownsideRequirement? For(DownsideLevel level) => level switch
    {
        DownsideLevel.High => High ?? new DownsideRequirement(Human: true),
        DownsideLevel.Medium => Medium,
        _ => null,
    };
}
