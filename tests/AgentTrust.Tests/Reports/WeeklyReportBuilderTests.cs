using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Reports;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Tests.Reports;

/// <summary>The weekly report computed from evidence drafts and metrics rows: what is in the week, and the sums.</summary>
public sealed class WeeklyReportBuilderTests
{
    static readonly IsoWeek Week = new(2026, 47);
    static readonly DateTimeOffset Monday = Week.Start;

    static ReportEvidence Record(string kind, string action, DateTimeOffset at, object payload, string agent = "a1", string lane = "incident-classification") =>
        new(EvidenceRecordNames.For(agent, action, 0, kind), new EvidenceDraft(
            action, 0, kind, agent, lane, "servicenow", "INC1", "sha256:x", null, at, JsonSerializer.SerializeToElement(payload, JsonDefaults.Options)));

    /// <summary>A step as the governed loop records it: the pact hash and the step itself.</summary>
    static ReportEvidence Step(string kind, string action, DateTimeOffset at, object step) => Record(kind, action, at, new { pactHash = "sha256:p", record = step });

    static ReportEvidence Trust(string id, DateTimeOffset at, double gain, double loss) =>
        Record(EvidenceKinds.TrustChange, "trust-" + id, at, new TrustChangeRecord(new TrustSignal(id, "a1", "incident-classification", TrustDimension.Conduct, gain, loss, at, "test")));

    [Theory]
    [InlineData("2026-W47", true, "2026-11-16")]
    [InlineData("2026-W53", true, "2026-12-28")]
    [InlineData("2027-W53", false, null)]
    [InlineData("2026-47", false, null)]
    [InlineData("2026-W00", false, null)]
    public void IsoWeek_TryParse_MondayStartOrRefusal(string text, bool valid, string? monday)
    {
        Assert.Equal(valid, IsoWeek.TryParse(text, out var week));
        if (valid)
        {
            Assert.Equal(monday, week.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(text, week.ToString());
            Assert.Equal(week, IsoWeek.Of(week.Start.AddDays(6.9)));
        }
    }

    [Fact]
    public void Build_RecordsInsideAndOutsideTheWeek_CountsOnlyTheWeekAndNamesTheRecordsUsed()
    {
        ReportEvidence[] records =
        [
            Step(EvidenceKinds.Decision, "act-1", Monday.AddHours(1), new Decision(DecisionKind.AutoApply, [], "h", 1)),
            Step(EvidenceKinds.Decision, "act-2", Monday.AddDays(3), new Decision(DecisionKind.Block, ["p1"], "h", 1)),
            Step(EvidenceKinds.Decision, "act-3", Monday.AddDays(-1), new Decision(DecisionKind.AutoApply, [], "h", 1)),
            Step(EvidenceKinds.Decision, "act-4", Week.End, new Decision(DecisionKind.AutoApply, [], "h", 1)),
            Step(EvidenceKinds.Approval, "act-5", Monday.AddDays(2), new ApprovalRecord(ActionStatus.Approved, "lead", null, Monday.AddDays(2), Monday.AddDays(3), Monday.AddDays(2).AddMinutes(-30), LatencySeconds: 1800)),
            Step(EvidenceKinds.Approval, "act-6", Monday.AddDays(2), new ApprovalRecord(ActionStatus.Expired, null, null, Monday.AddDays(2), Monday.AddDays(2))),
            Record(EvidenceKinds.Evaluation, "act-1", Monday.AddHours(1), new { passed = true }),
            Trust("s1", Monday.AddDays(-10), 1, 0),
            Trust("s2", Monday.AddDays(1), 1, 0),
            Trust("s3", Monday.AddDays(2), 0, 6),
            Trust("s4", Week.End.AddHours(1), 1, 0),
        ];

        var report = WeeklyReportBuilder.Build(Week, records, [], TrustParameters.Default, Monday.AddDays(8));

        Assert.Equal(2, report.DecisionTotal);
        Assert.Equal([(DecisionKind.AutoApply, 1), (DecisionKind.Block, 1)], report.Decisions.Select(d => (d.Kind, d.Count)));
        Assert.Equal(2, report.Approvals.Count);
        Assert.Equal([1800.0], report.AnsweredLatencies);
        Assert.Equal(1800, report.LatencyQuantile(0.9));
        var series = Assert.Single(report.Trust);
        Assert.Equal(2, series.SignalsInWeek);
        Assert.Equal(3, series.Points[^1].Events);
        Assert.Equal(29, series.Points.Count); // 4 weeks of days, both ends
        Assert.True(series.Points[^1].Conduct < series.Points[^8].Conduct, "the loss on Wednesday lowers the score");
        Assert.Equal(7, report.EvidenceRecords.Count);
        Assert.DoesNotContain(EvidenceRecordNames.For("a1", "act-3", 0, EvidenceKinds.Decision), report.EvidenceRecords);
        Assert.DoesNotContain(EvidenceRecordNames.For("a1", "act-1", 0, EvidenceKinds.Evaluation), report.EvidenceRecords);
    }

    [Fact]
    public void Build_MetricsRows_SummedPerWeekAndHandlerWithWeightedMttr()
    {
        static ItsmMetrics M(int resolved, double mttr, int reopened, int changes, int failed) =>
            new(resolved + changes, resolved, changes, resolved, mttr, mttr, reopened, null, failed, null, 0, 0, 0, null, 2, 1, 1, null, 0, 0, 0);
        var week = DateOnly.FromDateTime(Monday.UtcDateTime);
        WeeklyMetrics[] rows =
        [
            new(week, "incident-classification", "a1", WorkHandler.Agent, M(10, 2, 1, 4, 1)),
            new(week, "change-risk-warning", "a2", WorkHandler.Agent, M(30, 6, 3, 6, 0)),
            new(week, "incident-classification", "h", WorkHandler.Human, M(5, 10, 0, 0, 0)),
            new(week.AddDays(-7 * 4), "incident-classification", "a1", WorkHandler.Agent, M(1, 1, 0, 0, 0)),
        ];

        var report = WeeklyReportBuilder.Build(Week, [], rows, TrustParameters.Default, Monday);

        Assert.Equal(2, report.Metrics.Count);
        var agents = report.Metrics.Single(m => m.Handler == WorkHandler.Agent);
        Assert.Equal(50, agents.Tickets);
        Assert.Equal(((10 * 2) + (30 * 6)) / 40.0, agents.MttrHours);
        Assert.Equal(4 / 40.0, agents.ReopenRate);
        Assert.Equal(1 / 10.0, agents.ChangeFailureRate);
        Assert.Null(report.Metrics.Single(m => m.Handler == WorkHandler.Human).ChangeFailureRate);
        Assert.Contains("| agent | 50 | 5.0 | 10.0 % | 10.0 % |", MarkdownReport.Render(report).Replace("| 2026-11-16 ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_WithCharts_EmbedsEveryChartAndLoadsNothing()
    {
        var report = WeeklyReportBuilder.Build(Week, [], [], TrustParameters.Default, Monday);
        var charts = ReportCharts.All.ToDictionary(c => c.File, _ => new byte[] { 0x89, 0x50, 0x4E, 0x47 });

        var html = HtmlReport.Render(report, charts);

        Assert.Equal(ReportCharts.All.Count, html.Split("src=\"data:image/png;base64,iVBORw==\"").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
    }
}
