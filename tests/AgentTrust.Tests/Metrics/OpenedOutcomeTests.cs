using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Tests.Metrics;

public sealed class OpenedOutcomeTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    static TicketOutcome O(string ticket, TicketOutcomeKind kind, double hours) =>
        new($"servicenow:{ticket}:{kind}", "servicenow", ticket, kind, T0.AddHours(hours), AgentId: "replay-priority-model");

    [Fact]
    public void Compute_OpenedAndResolvedOutcomes_GiveMttrFromOutcomes()
    {
        TicketOutcome[] outcomes = [O("INC1", TicketOutcomeKind.Opened, 0), O("INC1", TicketOutcomeKind.Resolved, 4), O("INC2", TicketOutcomeKind.Opened, 1), O("INC2", TicketOutcomeKind.Resolved, 9)];

        var report = ItsmMetricsCalculator.Compute(outcomes.Select(OutcomeLifecycleEvents.From));

        Assert.Equal(LifecycleEventType.Opened, OutcomeLifecycleEvents.From(outcomes[0]).Type);
        Assert.Equal((2, 2, 6.0), (report.Overall.Incidents, report.Overall.ResolvedIncidents, report.Overall.MttrHours));
    }

    [Fact]
    public void FromOutcome_Opened_MovesNoTrustScore()
    {
        Assert.Equal((0.0, 0.0), TrustParameters.Default.OutcomeWeight(TicketOutcomeKind.Opened));
        Assert.Null(TrustSignals.FromOutcome(O("INC1", TicketOutcomeKind.Opened, 0), "replay-priority-model", "incident-classification", "act-1", TrustParameters.Default));
    }
}
