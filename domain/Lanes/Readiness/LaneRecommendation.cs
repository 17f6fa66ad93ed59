namespace AgentTrust.Domain.Lanes.Readiness;

/// <summary>What to do with a lane's autonomy next.</summary>
public enum LaneRecommendation
{
    /// <summary>Enough stable, good evidence and a contained downside: give the lane's agents more room.</summary>
    Widen,

    /// <summary>Keep the lane as it is: the evidence is too thin or too mixed to move either way.</summary>
    Hold,

    /// <summary>The evidence says the agents do worse than their room allows: tighten the lane.</summary>
    Constrain,
}
