using System.Globalization;

namespace AgentTrust.Cli.Bench;

/// <summary>What a throughput run measured: actions per second and intake-to-decision latency percentiles.</summary>
public sealed record BenchResult(int Actions, int Concurrency, int Errors, TimeSpan Elapsed, double ActionsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Actions} actions, {Concurrency} in flight: {ActionsPerSecond:0.0} actions/s over {Elapsed.TotalSeconds:0.0} s; intake to decision p50 {P50Ms:0} ms, p95 {P95Ms:0} ms, p99 {P99Ms:0} ms, max {MaxMs:0} ms; {Errors} errors");
}
