using System.Diagnostics;
using System.Globalization;

namespace AgentTrust.Benchmarks.Judging;

/// <summary>
/// Per-action latency of the local jury: every action timed on its own (BenchmarkDotNet reports per-iteration
/// statistics, which hide the tail), then the median, p99 and throughput over all of them. Usage:
/// <c>jury-latency [actions]</c> (default 5000, after 500 warm-up actions).
/// </summary>
public static class JuryLatency
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var count = args is [var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 5000;
        var workload = new JuryWorkload();
        for (var i = 0; i < 500; i++)
        {
            await workload.JudgeAsync(workload.Requests[i % workload.Requests.Length]).ConfigureAwait(false);
        }

        var samples = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await workload.JudgeAsync(workload.Requests[i % workload.Requests.Length]).ConfigureAwait(false);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(samples);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"actions={count} median={Percentile(samples, 50):0.000} ms p90={Percentile(samples, 90):0.000} ms p99={Percentile(samples, 99):0.000} ms max={samples[^1]:0.000} ms throughput={count / total.Elapsed.TotalSeconds:0} actions/s (one caller)"));
        return 0;
    }

    static double Percentile(double[] sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
