using System.Globalization;

namespace AgentTrust.Domain.Performance;

/// <summary>
/// Percentiles of a set of latencies (milliseconds), by the nearest-rank method over the sorted values: the p-th
/// percentile is the smallest value with at least p % of the values at or below it, so it is always a latency that
/// was observed, never an interpolation.
/// </summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        Array.Sort(sorted);
        return new LatencySummary(
            sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1], sorted.Average());
    }

    /// <summary>The nearest-rank percentile of already sorted values; <paramref name="quantile"/> in (0, 1].</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        if (!(quantile > 0) || quantile > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "a quantile is in (0, 1]");
        }

        var rank = (int)Math.Ceiling((quantile * sorted.Count) - 1e-9);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public override string ToString() => Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count} p50 {P50:0} ms, p95 {P95:0} ms, p99 {P99:0} ms, max {Max:0} ms");
}
