namespace AgentTrust.Domain.Evaluation;

/// <summary>
/// Compares, on the same stream of one lane: (a) no governance, every action applied; (b) the common baseline, a
/// confidence threshold, swept so its automation rate matches AgentTrust's; (c) AgentTrust, as the API decided.
/// (a) and (b) are computed from the agent's outputs; (c) is read from the API's recorded decisions.
/// </summary>
public static class GovernanceComparison
{
    public const int DriftWindow = 50;

    public static LaneComparison Compare(string lane, IReadOnlyList<ReplayedAction> actions, double validationErrorRate)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var window = Math.Min(DriftWindow, Math.Max(1, actions.Count));
        var drift = DriftDetector.Find([.. actions.Select(a => a.Wrong)], validationErrorRate, window);
        var agentTrust = Arm("agenttrust", null, actions, a => a.Governed == GovernedRoute.Applied, a => a.Governed == GovernedRoute.Human,
            a => a.Governed is GovernedRoute.Blocked or GovernedRoute.Shadowed, a => a.LaneConstrained, drift);
        var threshold = ThresholdSweep.Pick([.. actions.Select(a => a.Confidence)], agentTrust.AutomationRate);
        return new LaneComparison(
            lane,
            actions.Count,
            actions.Count(a => a.Wrong),
            actions.Count(a => a.Wrong && a.Downside == Downside.High),
            validationErrorRate,
            DriftDetector.Line(validationErrorRate, window),
            drift,
            Arm("none", null, actions, _ => true, _ => false, _ => false, _ => false, drift),
            AtThreshold(actions, threshold, drift),
            agentTrust);
    }

    /// <summary>The baseline at one threshold: applied at or above it, a person reviews the rest. It never constrains a lane.</summary>
    public static ArmResult AtThreshold(IReadOnlyList<ReplayedAction> actions, double threshold, int? driftIndex) =>
        Arm("threshold", threshold, actions, a => a.Confidence >= threshold, a => a.Confidence < threshold, _ => false, _ => false, driftIndex);

    static ArmResult Arm(
        string name, double? threshold, IReadOnlyList<ReplayedAction> actions,
        Func<ReplayedAction, bool> automated, Func<ReplayedAction, bool> reviewed, Func<ReplayedAction, bool> blocked,
        Func<ReplayedAction, bool> constrained, int? driftIndex)
    {
        ArgumentNullException.ThrowIfNull(actions);
        int auto = 0, reviews = 0, refused = 0, wrongHigh = 0, wrongLow = 0;
        int? constrainedAfter = null;
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (automated(a))
            {
                auto++;
                if (a.Wrong)
                {
                    _ = a.Downside == Downside.High ? wrongHigh++ : wrongLow++;
                }
            }
            else if (reviewed(a))
            {
                reviews++;
            }
            else if (blocked(a))
            {
                refused++;
            }

            if (constrainedAfter is null && driftIndex is { } d && i >= d && constrained(a))
            {
                constrainedAfter = i - d;
            }
        }

        return new ArmResult(name, threshold, actions.Count, auto, reviews, refused, wrongHigh + wrongLow, wrongHigh, wrongLow, constrainedAfter);
    }
}
