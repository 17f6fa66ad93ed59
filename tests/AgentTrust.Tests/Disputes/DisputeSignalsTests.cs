using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Disputes;
using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Trust;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Disputes;

public sealed class DisputeSignalsTests
{
    static readonly TrustParameters Parameters = TrustParameters.Default;

    static DisputedSubject Decision(ActionStatus status) => new(
        "classifier-01", "incident-classification", "servicenow", "INC0000045", "act-1", "sha256:abc", Samples.Classify(3, 0.9), status);

    [Theory]
    [InlineData(ActionStatus.Applied)]
    [InlineData(ActionStatus.Approved)]
    public void FromResolution_OverturnedDecisionThatTookEffect_OutcomeLossOfAHumanRejection(ActionStatus status)
    {
        var signal = DisputeSignals.FromResolution("dsp-1", Decision(status), DisputeVerdict.Overturned, Samples.Now, Parameters)!;

        Assert.Equal("dispute:dsp-1", signal.SignalId);
        Assert.Equal(TrustDimension.Outcome, signal.Dimension);
        Assert.Equal(0, signal.Gain);
        Assert.Equal(Parameters.HumanRejectionLoss, signal.Loss);
        Assert.Equal(Samples.Now, signal.OccurredAt);
    }

    [Theory]
    [InlineData(ActionStatus.Blocked)]
    [InlineData(ActionStatus.Rejected)]
    [InlineData(ActionStatus.Expired)]
    public void FromResolution_OverturnedDecisionThatStoppedTheAction_GainForTheAgent(ActionStatus status)
    {
        var signal = DisputeSignals.FromResolution("dsp-1", Decision(status), DisputeVerdict.Overturned, Samples.Now, Parameters)!;

        Assert.Equal(Parameters.HumanApprovalGain, signal.Gain);
        Assert.Equal(0, signal.Loss);
    }

    [Theory]
    [InlineData(DisputeVerdict.Upheld)]
    [InlineData(DisputeVerdict.Expired)]
    public void FromResolution_OriginalStands_NoSignal(DisputeVerdict verdict) =>
        Assert.Null(DisputeSignals.FromResolution("dsp-1", Decision(ActionStatus.Applied), verdict, Samples.Now, Parameters));

    [Fact]
    public void FromResolution_OverturnedOutcome_RetractsItsSignalExactly()
    {
        var earlier = new TrustSignal("conduct:act-1", "classifier-01", "incident-classification", TrustDimension.Conduct, 1, 0, Samples.Now, "clean");
        var outcome = new TicketOutcome("evt-9", "servicenow", "INC0000045", TicketOutcomeKind.Reopened, Samples.Now.AddDays(2));
        var outcomeSignal = TrustSignals.FromOutcome(outcome, "classifier-01", "incident-classification", "act-1", Parameters)!;
        var later = new TrustSignal("conduct:act-2", "classifier-01", "incident-classification", TrustDimension.Outcome, 1, 0, Samples.Now.AddDays(5), "clean");
        var subject = new DisputedSubject("classifier-01", "incident-classification", "servicenow", "INC0000045", "act-1", null, null, null, outcome);

        var retraction = DisputeSignals.FromResolution("dsp-2", subject, DisputeVerdict.Overturned, Samples.Now.AddDays(10), Parameters)!;
        var withRetraction = TrustFold.FoldAll([earlier, outcomeSignal, later, retraction], Parameters).Single().Value;
        var without = TrustFold.FoldAll([earlier, later], Parameters).Single().Value;

        Assert.Equal(outcome.OccurredAt, retraction.OccurredAt);
        Assert.Equal(-outcomeSignal.Loss, retraction.Loss);
        Assert.Equal(without.Outcome.Positive, withRetraction.Outcome.Positive, 9);
        Assert.Equal(without.Outcome.Negative, withRetraction.Outcome.Negative, 9);
    }

    [Fact]
    public void LifecycleEvents_OverturnedAppliedDecision_CountsAsApprovalOverturned()
    {
        var overturned = new DisputeResolutionRow("dsp-1", DisputeTargetKind.Decision, DisputeVerdict.Overturned, "classifier-01", "incident-classification", "servicenow", "INC1", true, Samples.Now);
        var upheld = overturned with { DisputeId = "dsp-2", Verdict = DisputeVerdict.Upheld, TicketId = "INC2" };
        var stopped = overturned with { DisputeId = "dsp-3", TookEffect = false, TicketId = "INC3" };

        var events = new[] { overturned, upheld, stopped }.Select(DisputeLifecycleEvents.From).OfType<LifecycleEvent>().ToList();
        var report = ItsmMetricsCalculator.Compute(events);

        var single = Assert.Single(events);
        Assert.Equal(LifecycleEventType.ApprovalOverturned, single.Type);
        Assert.Equal("servicenow:INC1", single.TicketId);
        Assert.Equal(1, report.Overall.ApprovalsOverturned);
    }
}
