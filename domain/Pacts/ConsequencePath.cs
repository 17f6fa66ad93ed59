namespace AgentTrust.Domain.Pacts;

/// <summary>
/// What happens to an agent's autonomy in the lane when it breaks the pact: when <paramref name="On"/> fires, its
/// tier becomes <paramref name="Then"/> (e.g. supervised, shadow, suspended) and <paramref name="Notify"/> is told;
/// <paramref name="Slash"/> credits are taken from the agent's bond (<see cref="LedgerTerms.Bond"/>) each time it fires.
/// </summary>
public sealed record ConsequencePath(
    string Id,
    ConsequenceTrigger On,
    AutonomyTier Then,
    double? Threshold = null,
    int? WindowHours = null,
    IReadOnlyList<string>? Notify = null,
    string? Description = null,
    double? Slash = null);
