using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Metrics.Import;

namespace AgentTrust.Tests.Metrics;

public sealed class ItsmMetricsCalculatorTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    static LifecycleEvent E(string id, LifecycleEventType type, double hours, string lane = "incident-classification", string? agent = null, string? team = null, string? level = null, TicketRecordKind kind = TicketRecordKind.Incident) =>
        new(id, kind, type, Monday.AddHours(hours), lane, agent is null ? WorkHandler.Human : WorkHandler.Agent, agent, team, level);

    [Fact]
    public void Compute_ServiceNowFixture_HandComputedMetrics()
    {
        var report = ItsmMetricsCalculator.Compute(RecordImporter.Import(new StringReader(MetricsFixtures.ServiceNow), RecordFormat.ServiceNow).Events);

        var m = report.Overall;
        Assert.Equal((2, 2, 6.0, 6.0), (m.Incidents, m.ResolvedIncidents, m.MttrHours, m.MedianTtrHours));
        Assert.Equal((1, 0.5), (m.ReopenedIncidents, m.ReopenRate));
        Assert.Equal((2, 1, 1, 0.5), (m.Reassignments, m.ReassignedIncidents, m.PingPongIncidents, m.PingPongRate));
        Assert.Null(m.ChangeFailureRate);
        var week = Assert.Single(report.Weekly);
        Assert.Equal(new DateOnly(2016, 2, 29), week.WeekStart);
    }

    [Fact]
    public void Compute_VolvoFixture_EscalationQualityHandComputed()
    {
        var report = ItsmMetricsCalculator.Compute(RecordImporter.Import(new StringReader(MetricsFixtures.Volvo), RecordFormat.Volvo).Events);

        var m = report.Overall;
        Assert.Equal((3, 3, 4.0), (m.Incidents, m.ResolvedIncidents, m.MedianTtrHours));
        Assert.Equal(16.0 / 3, m.MttrHours!.Value, 9);
        Assert.Equal((1, 1.0 / 3), (m.ReopenedIncidents, m.ReopenRate));
        Assert.Equal((2, 1, 1, 0.5), (m.EscalatedIncidents, m.WarrantedEscalations, m.BouncedEscalations, m.EscalationBounceRate));
        Assert.Equal((1, 1), (m.LevelSkips, m.StartedAboveL1));
        Assert.Equal((3, 2, 1), (m.Reassignments, m.ReassignedIncidents, m.PingPongIncidents));
        Assert.Equal([new DateOnly(2010, 3, 29), new DateOnly(2010, 4, 5)], report.Weekly.Select(w => w.WeekStart));
        Assert.Equal([2, 1], report.Weekly.Select(w => w.Metrics.Incidents));
    }

    [Fact]
    public void Compute_RabobankFixtures_ChangeFailureAndLastResolution()
    {
        var changes = ItsmMetricsCalculator.Compute(RecordImporter.Import(new StringReader(MetricsFixtures.RabobankChanges), RecordFormat.RabobankChanges).Events).Overall;
        var incidents = ItsmMetricsCalculator.Compute(RecordImporter.Import(new StringReader(MetricsFixtures.RabobankIncidents), RecordFormat.RabobankIncidents).Events).Overall;

        Assert.Equal((3, 1, 1.0 / 3), (changes.Changes, changes.FailedChanges, changes.ChangeFailureRate));
        Assert.Null(changes.MttrHours);
        Assert.Equal((3, 2, 28.0, 28.0, 0.5), (incidents.Incidents, incidents.ResolvedIncidents, incidents.MttrHours, incidents.MedianTtrHours, incidents.ReopenRate));
        Assert.Equal((2, 1), (incidents.Reassignments, incidents.ReassignedIncidents));
        Assert.Null(incidents.PingPongRate);
    }

    [Fact]
    public void Compute_HumanAndAgentWork_SplitPerHandlerLaneAgentAndWeek()
    {
        LifecycleEvent[] events =
        [
            E("A", LifecycleEventType.Opened, 0, agent: "classifier-1"),
            E("A", LifecycleEventType.Resolved, 2, agent: "classifier-1"),
            E("B", LifecycleEventType.Opened, 0),
            E("B", LifecycleEventType.Resolved, 8),
            E("C", LifecycleEventType.Opened, 24 * 7, agent: "classifier-1"),
            E("C", LifecycleEventType.Escalated, 24 * 7 + 1, agent: "classifier-1"),
            E("C", LifecycleEventType.ApprovalOverturned, 24 * 7 + 2, agent: "classifier-1"),
            E("D", LifecycleEventType.Opened, 1, lane: "change-risk-warning", agent: "risk-1", kind: TicketRecordKind.Change),
            E("D", LifecycleEventType.ChangeFailed, 5, lane: "change-risk-warning", agent: "risk-1", kind: TicketRecordKind.Change),
        ];

        var report = ItsmMetricsCalculator.Compute(events);

        Assert.Equal((2.0, 1), (report.ByHandler[WorkHandler.Agent].MttrHours, report.ByHandler[WorkHandler.Agent].EscalatedIncidents));
        Assert.Equal(8.0, report.ByHandler[WorkHandler.Human].MttrHours);
        Assert.Equal(1.0, report.ByHandler[WorkHandler.Agent].ChangeFailureRate);
        Assert.Equal(
            [
                (new DateOnly(2026, 11, 23), "change-risk-warning", "risk-1", WorkHandler.Agent, 1),
                (new DateOnly(2026, 11, 23), "incident-classification", "", WorkHandler.Human, 1),
                (new DateOnly(2026, 11, 23), "incident-classification", "classifier-1", WorkHandler.Agent, 1),
                (new DateOnly(2026, 11, 30), "incident-classification", "classifier-1", WorkHandler.Agent, 1),
            ],
            report.Weekly.Select(w => (w.WeekStart, w.Lane, w.AgentId, w.Handler, w.Metrics.Tickets)));
        Assert.Equal(1, report.Overall.ApprovalsOverturned);
        Assert.Null(report.Weekly[3].Metrics.MttrHours);
    }

    [Fact]
    public void Compute_EventsInAnyOrder_SameReport()
    {
        var events = RecordImporter.Import(new StringReader(MetricsFixtures.Volvo), RecordFormat.Volvo).Events;

        var forward = ItsmMetricsCalculator.Compute(events);
        var backward = ItsmMetricsCalculator.Compute(events.Reverse());

        Assert.Equal(forward.Overall, backward.Overall);
        Assert.Equal(forward.Weekly, backward.Weekly);
    }

    [Fact]
    public void Compute_ResolvedBeforeOpenedOrNeverOpened_NoTimeToResolve()
    {
        var report = ItsmMetricsCalculator.Compute([E("X", LifecycleEventType.Resolved, 3), E("Y", LifecycleEventType.Reopened, 1)]);

        Assert.Equal((2, 0), (report.Overall.Incidents, report.Overall.ResolvedIncidents));
        Assert.Null(report.Overall.MttrHours);
        Assert.Null(report.Overall.ReopenRate);
    }

    [Theory]
    [InlineData("2026-11-23T00:00:00Z", "2026-11-23")]
    [InlineData("2026-11-29T23:59:59Z", "2026-11-23")]
    [InlineData("2026-11-30T00:30:00+01:00", "2026-11-23")]
    [InlineData("2016-01-01T12:00:00Z", "2015-12-28")]
    public void WeekStart_AnyInstant_MondayUtc(string at, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), ItsmMetricsCalculator.WeekStart(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
}
