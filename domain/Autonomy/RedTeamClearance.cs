namespace AgentTrust.Domain.Autonomy;

/// <summary>
/// What the lane's red-team gate says about a promotion to autonomous, read by the caller (the ladder does no I/O):
/// whether the agent's latest run in the lane, for its current version, passed the pact's bar, and a sentence saying
/// which run that was (or that there was none), for the tier's reason and its evidence.
/// </summary>
public sealed record RedTeamClearance(bool Passed, string Detail)
{
    /// <summary>No finished run of the agent in the lane.</summary>
    public static RedTeamClearance NoRun { get; } = new(false, "no red-team run of the agent in the lane");
}
