using AgentTrust.Domain.Evaluation;

namespace AgentTrust.Tests.Evaluation;

public sealed class GovernanceComparisonTests
{
    static ReplayedAction A(double confidence, bool wrong = false, Downside downside = Downside.Low, GovernedRoute route = GovernedRoute.Applied, bool constrained = false) =>
        new(confidence, wrong, downside, route, constrained);

    [Fact]
    public void ThresholdSweep_TargetBetweenSteps_PicksTheClosestAutomationRate()
    {
        double[] confidences = [0.99, 0.95, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];

        // 0.95 automates 3 of 10 (30%), 0.9 automates 4 (40%): 38% is closest to 40%.
        Assert.Equal(0.9, ThresholdSweep.Pick(confidences, 0.38));
        Assert.Equal(0.95, ThresholdSweep.Pick(confidences, 0.31));
        Assert.Equal(0.3, ThresholdSweep.Pick(confidences, 1.0));
    }

    [Fact]
    public void ThresholdSweep_TieBetweenTwoThresholds_TakesTheHigherOne()
    {
        double[] confidences = [0.9, 0.8, 0.7, 0.6];

        // 0.8 automates 50%, 0.7 automates 75%: 62.5% is as far from both, and the baseline is not flattered.
        Assert.Equal(0.8, ThresholdSweep.Pick(confidences, 0.625));
    }

    [Fact]
    public void ThresholdSweep_ZeroTarget_AutomatesNothing()
    {
        var threshold = ThresholdSweep.Pick([0.9, 0.5], 0);

        Assert.True(double.IsPositiveInfinity(threshold));
        Assert.Equal(0, GovernanceComparison.AtThreshold([A(0.9), A(0.5)], threshold, null).Automated);
    }

    [Fact]
    public void Compare_MixedStream_CountsEachArmFromItsOwnRule()
    {
        ReplayedAction[] actions =
        [
            A(0.99, wrong: true, Downside.High, GovernedRoute.Human),   // the pact sends it to a person; the threshold applies it
            A(0.97, wrong: false, Downside.Low, GovernedRoute.Applied),
            A(0.96, wrong: true, Downside.Low, GovernedRoute.Applied),  // wrong, low downside, reaches the ticket in every arm
            A(0.95, wrong: false, Downside.Low, GovernedRoute.Applied),
            A(0.70, wrong: true, Downside.High, GovernedRoute.Blocked), // refused by the pact; below the threshold
            A(0.60, wrong: false, Downside.Low, GovernedRoute.Human),
        ];

        var lane = GovernanceComparison.Compare("incident-classification", actions, validationErrorRate: 0.05);

        Assert.Equal((6, 3, 2), (lane.Actions, lane.WrongActions, lane.WrongHighDownside));
        Assert.Equal(new ArmResult("none", null, 6, 6, 0, 0, 3, 2, 1, null), lane.None);
        Assert.Equal(new ArmResult("agenttrust", null, 6, 3, 2, 1, 1, 0, 1, null), lane.AgentTrust);
        // AgentTrust automated 3 of 6: the threshold that automates 3 of 6 is 0.96 (0.99, 0.97, 0.96).
        Assert.Equal(new ArmResult("threshold", 0.96, 6, 3, 3, 0, 2, 1, 1, null), lane.Threshold);
        Assert.Equal(lane.AgentTrust.AutomationRate, lane.Threshold.AutomationRate);
        Assert.Equal(3, lane.AgentTrust.HumanWorkload);
        Assert.True(lane.GoalMet);
    }

    [Fact]
    public void Compare_AgentTrustLetsAsManyHighDownsideThrough_GoalNotMet()
    {
        ReplayedAction[] actions = [A(0.9, wrong: true, Downside.High), A(0.8), A(0.5, route: GovernedRoute.Human)];

        var lane = GovernanceComparison.Compare("change-risk-warning", actions, 0.05);

        Assert.Equal(1, lane.Threshold.WrongHighReached);
        Assert.Equal(1, lane.AgentTrust.WrongHighReached);
        Assert.False(lane.GoalMet);
    }

    [Fact]
    public void DriftDetector_ErrorBurstAfterCleanRun_ReturnsTheFirstWindowAtTheLine()
    {
        // Validation error 5%, window 10: the line is 0.05 + 3 * sqrt(0.05 * 0.95 / 10), about 0.257: the third error in a window crosses it.
        var wrong = new bool[40];
        wrong[25] = wrong[27] = wrong[29] = true;

        Assert.Equal(0.05 + (3 * Math.Sqrt(0.05 * 0.95 / 10)), DriftDetector.Line(0.05, 10), 12);
        Assert.Equal(29, DriftDetector.Find(wrong, 0.05, window: 10));
        wrong[29] = false;
        Assert.Null(DriftDetector.Find(wrong, 0.05, window: 10));
        Assert.Null(DriftDetector.Find(new bool[40], 0.05, window: 10));
    }

    [Fact]
    public void Compare_LaneConstrainedAfterDrift_CountsActionsFromTheDriftPoint()
    {
        // 50 clean actions, then all wrong: with validation error 0 the line is its floor, two errors in the window (index 51).
        var actions = Enumerable.Range(0, 80).Select(i => A(0.9, wrong: i >= 50, constrained: i >= 60, route: i >= 60 ? GovernedRoute.Human : GovernedRoute.Applied)).ToList();

        var lane = GovernanceComparison.Compare("incident-classification", actions, 0);

        Assert.Equal(51, lane.DriftIndex);
        Assert.Equal(9, lane.AgentTrust.ConstrainedAfterDrift);
        Assert.Null(lane.Threshold.ConstrainedAfterDrift);
        Assert.Null(lane.None.ConstrainedAfterDrift);
    }
}
