using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Metrics.Import;

namespace AgentTrust.Tests.Metrics;

public sealed class RecordImporterTests
{
    static ImportResult Import(string content, RecordFormat format) => RecordImporter.Import(new StringReader(content), format);

    [Fact]
    public void ServiceNow_DayFirstDatesOutOfOrderUpdatesAndBrokenRows_EventsAndReportedRows()
    {
        var result = Import(MetricsFixtures.ServiceNow, RecordFormat.ServiceNow);

        Assert.Equal(11, result.RowsRead);
        Assert.Collection(
            result.Unreadable,
            r => Assert.Equal((9L, "expected 36 fields, found 8"), (r.Line, r.Reason)),
            r => { Assert.Equal(10L, r.Line); Assert.Contains("opened_at '31/2/2016 01:16'", r.Reason, StringComparison.Ordinal); });
        var first = result.Events.Where(e => e.TicketId == "INC0000045").Select(e => (e.Type, e.At, e.Team)).ToList();
        Assert.Equal(
            [
                (LifecycleEventType.Opened, new DateTimeOffset(2016, 2, 29, 1, 16, 0, TimeSpan.Zero), "Group 56"),
                (LifecycleEventType.Reassigned, new DateTimeOffset(2016, 2, 29, 2, 0, 0, TimeSpan.Zero), "Group 70"),
                (LifecycleEventType.Reassigned, new DateTimeOffset(2016, 2, 29, 3, 0, 0, TimeSpan.Zero), "Group 56"),
                (LifecycleEventType.Resolved, new DateTimeOffset(2016, 2, 29, 11, 16, 0, TimeSpan.Zero), "Group 56"),
                (LifecycleEventType.Reopened, new DateTimeOffset(2016, 3, 1, 9, 0, 0, TimeSpan.Zero), "Group 56"),
                (LifecycleEventType.Resolved, new DateTimeOffset(2016, 3, 1, 10, 0, 0, TimeSpan.Zero), "Group 56"),
                (LifecycleEventType.Closed, new DateTimeOffset(2016, 3, 6, 12, 0, 0, TimeSpan.Zero), "Group 56"),
            ],
            first);
        var closedFromNew = result.Events.Where(e => e.TicketId == "INC0000047").Select(e => (e.Type, e.At.Hour)).ToList();
        Assert.Equal([(LifecycleEventType.Opened, 8), (LifecycleEventType.Resolved, 10), (LifecycleEventType.Closed, 10)], closedFromNew);
    }

    [Fact]
    public void RabobankChanges_RowsPerCiAndQuestionMarks_OneChangeEachFailedWhenIncidentsRelated()
    {
        var result = Import(MetricsFixtures.RabobankChanges, RecordFormat.RabobankChanges);

        Assert.Equal(5, result.RowsRead);
        var unreadable = Assert.Single(result.Unreadable);
        Assert.Equal(6, unreadable.Line);
        Assert.Contains("'yesterday' is not a date", unreadable.Reason, StringComparison.Ordinal);
        Assert.Equal(["C00000001", "C00000002", "C00000003"], result.Events.Where(e => e.Type == LifecycleEventType.Opened).Select(e => e.TicketId));
        Assert.Equal(["C00000001"], result.Events.Where(e => e.Type == LifecycleEventType.ChangeFailed).Select(e => e.TicketId));
        var closed = Assert.Single(result.Events, e => e.TicketId == "C00000001" && e.Type == LifecycleEventType.Closed);
        Assert.Equal(DateTimeOffset.Parse("2013-11-05T10:04:00+01:00", System.Globalization.CultureInfo.InvariantCulture), closed.At);
        Assert.All(result.Events, e => Assert.Equal(TicketRecordKind.Change, e.RecordKind));
    }

    [Fact]
    public void RabobankIncidents_QuotedFieldsMultivalueAndUnterminatedQuote_EventsAndReportedRow()
    {
        var result = Import(MetricsFixtures.RabobankIncidents, RecordFormat.RabobankIncidents);

        Assert.Equal(4, result.RowsRead);
        var unreadable = Assert.Single(result.Unreadable);
        Assert.Equal((5L, "unterminated quoted field"), (unreadable.Line, unreadable.Reason));
        Assert.Equal(
            [LifecycleEventType.Opened, LifecycleEventType.Reassigned, LifecycleEventType.Reassigned, LifecycleEventType.Reopened, LifecycleEventType.Resolved, LifecycleEventType.Closed],
            result.Events.Where(e => e.TicketId == "IM0000013").Select(e => e.Type));
        Assert.Equal([LifecycleEventType.Opened], result.Events.Where(e => e.TicketId == "IM0000049").Select(e => e.Type));
    }

    [Fact]
    public void Volvo_ByteOrderMarkLevelsAndTeams_EventsAndReportedRow()
    {
        var result = Import(MetricsFixtures.Volvo, RecordFormat.Volvo);

        Assert.Equal(13, result.RowsRead);
        var unreadable = Assert.Single(result.Unreadable);
        Assert.Equal(12, unreadable.Line);
        Assert.Contains("'31/3/2010' is not a date", unreadable.Reason, StringComparison.Ordinal);
        Assert.Equal(
            [
                (LifecycleEventType.Opened, "V30", "L1"), (LifecycleEventType.Reassigned, "V5 3rd", "L2"), (LifecycleEventType.LevelChanged, "V5 3rd", "L2"),
                (LifecycleEventType.Reassigned, "V30", "L1"), (LifecycleEventType.LevelChanged, "V30", "L1"), (LifecycleEventType.Resolved, "V30", "L1"),
                (LifecycleEventType.Reopened, "V30", "L1"), (LifecycleEventType.Resolved, "V30", "L1"),
            ],
            result.Events.Where(e => e.TicketId == "1-001").Select(e => (e.Type, e.Team!, e.Level!)));
    }

    [Fact]
    public void Import_GzipFile_ReadsTheSameAsPlainCsv()
    {
        var plain = MetricsFixtures.WriteTemp(MetricsFixtures.Volvo, gzip: false);
        var zipped = MetricsFixtures.WriteTemp(MetricsFixtures.Volvo, gzip: true);
        try
        {
            var a = RecordImporter.ImportFile(plain, RecordFormat.Volvo);
            var b = RecordImporter.ImportFile(zipped, RecordFormat.Volvo);

            Assert.Equal(a.Events, b.Events);
            Assert.Equal(a.Unreadable, b.Unreadable);
            Assert.Equal("1-001", a.Events[0].TicketId);
        }
        finally
        {
            File.Delete(plain);
            File.Delete(zipped);
        }
    }

    [Fact]
    public void Import_MissingColumn_ReportsLineOneAndNoEvents()
    {
        var result = Import("SR Number,Status\n1-001,Accepted\n", RecordFormat.Volvo);

        Assert.Empty(result.Events);
        var row = Assert.Single(result.Unreadable);
        Assert.Equal(1, row.Line);
        Assert.Contains("Change Date+Time", row.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("29/2/2016 01:23", 2016, 2, 29, 1, 23)]
    [InlineData("5/3/2016 12:00", 2016, 3, 5, 12, 0)]
    [InlineData("13/12/2016 9:07", 2016, 12, 13, 9, 7)]
    public void TryParseDayFirst_ServiceNowDates_DayBeforeMonth(string text, int year, int month, int day, int hour, int minute)
    {
        Assert.True(ItsmValues.TryParseDayFirst(text, out var at));
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("?")]
    [InlineData("29/2/2017 01:23")]
    [InlineData("2/13/2016 01:23")]
    [InlineData("2016-02-29 01:23")]
    public void TryParseDayFirst_NotADayFirstDate_False(string text) => Assert.False(ItsmValues.TryParseDayFirst(text, out _));
}
