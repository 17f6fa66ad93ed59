using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AgentTrust.Benchmarks;

/// <summary>
/// The 99th percentile of the measured iterations (BenchmarkDotNet's built-in columns stop at P95/P100). Each
/// iteration is the mean of many invocations, so this is the tail of iteration means, not of single calls.
/// </summary>
public sealed class P99Column : IColumn
{
    public string Id => nameof(P99Column);

    public string ColumnName => "P99";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => "99th percentile of iteration means";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var nanoseconds = statistics.Percentiles.Percentile(99);
        return nanoseconds >= 1000
            ? (nanoseconds / 1000).ToString("0.000", CultureInfo.InvariantCulture) + " us"
            : nanoseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ns";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
