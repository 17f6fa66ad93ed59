using AgentTrust.Domain.Performance;

namespace AgentTrust.Tests.Performance;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Of_OneToHundred_NearestRankPercentiles()
    {
        var values = Enumerable.Range(1, 100).Select(v => (double)v).Reverse();

        var summary = LatencySummary.Of(values);

        Assert.Equal(100, summary.Count);
        Assert.Equal(50, summary.P50);
        Assert.Equal(95, summary.P95);
        Assert.Equal(99, summary.P99);
        Assert.Equal(100, summary.Max);
        Assert.Equal(50.5, summary.Mean, 9);
    }

    [Fact]
    public void Of_FewValues_PercentilesAreObservedValuesNotInterpolations()
    {
        var summary = LatencySummary.Of([10, 1000, 20]);

        Assert.Equal(20, summary.P50);
        Assert.Equal(1000, summary.P95);
        Assert.Equal(1000, summary.P99);
    }

    [Fact]
    public void Of_OneSlowOutlierInAThousand_ShowsAtTheMaxNotAtP99()
    {
        var values = Enumerable.Repeat(5.0, 999).Append(9000);

        var summary = LatencySummary.Of(values);

        Assert.Equal(5, summary.P99);
        Assert.Equal(9000, summary.Max);
    }

    [Fact]
    public void Of_NoValues_EmptyWithNaN()
    {
        var summary = LatencySummary.Of([]);

        Assert.Equal(0, summary.Count);
        Assert.True(double.IsNaN(summary.P50));
        Assert.Equal("no samples", summary.ToString());
    }

    [Fact]
    public void Of_NaNValues_Ignored()
    {
        var summary = LatencySummary.Of([double.NaN, 7, double.NaN]);

        Assert.Equal(1, summary.Count);
        Assert.Equal(7, summary.P99);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Percentile_QuantileOutsideZeroToOne_Refused(double quantile) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencySummary.Percentile([1.0, 2.0], quantile));

    [Fact]
    public void Percentile_QuantileOne_IsTheMaximum() => Assert.Equal(3, LatencySummary.Percentile([1.0, 2.0, 3.0], 1));
}
