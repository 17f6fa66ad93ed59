using AgentTrust.Domain.Trust;

namespace AgentTrust.Domain.Autonomy;

/// <summary>
/// One input of the ladder. <paramref name="Id"/> is unique per agent and lane (the trust signal id, <c>spend:</c> and
/// the action id): a signal applied twice counts once. <paramref name="Score"/> is the lane's trust after a trust
/// signal; <paramref name="Bad"/> whether the signal burns the error budget (a loss: violations, bad outcomes,
/// rejections); <paramref name="Violations"/> how many clauses it broke, <paramref name="Critical"/> whether one of
/// them was critical.
/// </summary>
public sealed record AutonomySignal(
    AutonomySignalKind Kind,
    string Id,
    DateTimeOffset At,
    TrustScore? Score = null,
    bool Bad = false,
    int Violations = 0,
    bool Critical = false,
    string? ActionId = null,
    string? Reason = null)
{
    public static AutonomySignal Tick(DateTimeOffset at) => new(AutonomySignalKind.Tick, "tick", at);

    public static AutonomySignal Spend(string actionId, DateTimeOffset at) => new(AutonomySignalKind.Spend, "spend:" + actionId, at, ActionId: actionId);
}
