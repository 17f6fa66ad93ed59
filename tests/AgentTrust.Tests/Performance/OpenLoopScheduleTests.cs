using AgentTrust.Domain.Performance;

namespace AgentTrust.Tests.Performance;

public sealed class OpenLoopScheduleTests
{
    [Theory]
    [InlineData(2.0, 3.0, 6)]
    [InlineData(0.5, 10.0, 5)]
    [InlineData(8.0, 60.0, 480)]
    [InlineData(3.0, 0.2, 0)]
    [InlineData(0.1, 25.0, 2)]
    public void Count_RateTimesDuration_OneRequestPerInterval(double rate, double seconds, int expected)
    {
        var schedule = new OpenLoopSchedule(rate, TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, schedule.Count);
    }

    [Fact]
    public void IntendedOffset_FixedRate_EvenlySpacedFromZero()
    {
        var schedule = new OpenLoopSchedule(4, TimeSpan.FromSeconds(2));

        var offsets = Enumerable.Range(0, schedule.Count).Select(i => schedule.IntendedOffset(i).TotalMilliseconds).ToArray();

        Assert.Equal([0, 250, 500, 750, 1000, 1250, 1500, 1750], offsets);
    }

    [Fact]
    public void DueBy_SenderFellBehind_EveryMissedRequestIsDueAtOnceNoneSkipped()
    {
        var schedule = new OpenLoopSchedule(10, TimeSpan.FromSeconds(5));

        // A sender stalled for 1.25 s (a GC pause, a slow server holding its thread) owes the 13 requests due by then.
        Assert.Equal(13, schedule.DueBy(TimeSpan.FromSeconds(1.25)));
    }

    [Fact]
    public void DueBy_AtStartOnScheduleAndPastTheEnd_CountsWhatIsDueCappedAtTheTotal()
    {
        var schedule = new OpenLoopSchedule(2, TimeSpan.FromSeconds(3));

        Assert.Equal(0, schedule.DueBy(TimeSpan.FromMilliseconds(-1)));
        Assert.Equal(1, schedule.DueBy(TimeSpan.Zero));
        Assert.Equal(1, schedule.DueBy(TimeSpan.FromMilliseconds(499)));
        Assert.Equal(2, schedule.DueBy(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(6, schedule.DueBy(TimeSpan.FromSeconds(2.5)));
        Assert.Equal(6, schedule.DueBy(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void DueBy_EveryRequestIntendedTime_IsDueExactlyThen()
    {
        var schedule = new OpenLoopSchedule(7, TimeSpan.FromSeconds(3));

        for (var i = 0; i < schedule.Count; i++)
        {
            Assert.Equal(i + 1, schedule.DueBy(schedule.IntendedOffset(i)));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RateNotPositive_Refused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenLoopSchedule(rate, TimeSpan.FromSeconds(1)));

    [Fact]
    public void IntendedOffset_IndexPastTheSchedule_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenLoopSchedule(1, TimeSpan.FromSeconds(2)).IntendedOffset(2));

    [Theory]
    [InlineData("60s", 60.0)]
    [InlineData("60", 60.0)]
    [InlineData("2m", 120.0)]
    [InlineData("500ms", 0.5)]
    [InlineData("1.5s", 1.5)]
    public void TryParseDuration_SecondsMinutesMilliseconds_Read(string text, double seconds)
    {
        Assert.True(OpenLoopSchedule.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("-5s")]
    [InlineData("0")]
    [InlineData("ten seconds")]
    public void TryParseDuration_NotAPositiveDuration_Refused(string text) =>
        Assert.False(OpenLoopSchedule.TryParseDuration(text, out _));
}
