using System.Globalization;
using System.Text.Json;
using AgentTrust.Cli.LocalHost;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Performance;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// <c>agenttrust bench --rate R --duration 60s [--sweep 1,2,4,8] [--agents A] [--lanes l1,l2] [--pacts DIR] [--drain 120s]
/// [--url URL --task-hub HUB] [--azurite-pid PID] [--out report.json]</c>: the open-loop load mode (docs/performance.md,
/// "Load: saturation"). Without <c>--url</c> it starts the local host in this process on <c>AzureWebJobsStorage</c>, on
/// a task hub of its own, so queue depths and history are this run's only.
/// </summary>
public static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        var rates = new List<double>();
        var duration = TimeSpan.FromSeconds(60);
        var drain = TimeSpan.FromSeconds(120);
        int agents = 40, stageSample = 200;
        int? azuritePid = null;
        Uri? url = null;
        string? taskHub = null, output = null;
        var pacts = Path.Combine(AppContext.BaseDirectory, "pacts");
        var lanes = Domain.Lanes.Lanes.All.ToList();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--rate" when TryRate(value, out var r): rates = [r]; i++; break;
                case "--sweep" when value is not null && value.Split(',').All(v => TryRate(v, out _)):
                    rates = [.. value.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]; i++; break;
                case "--duration" when OpenLoopSchedule.TryParseDuration(value, out var d): duration = d; i++; break;
                case "--drain" when OpenLoopSchedule.TryParseDuration(value, out var d): drain = d; i++; break;
                case "--agents" when int.TryParse(value, CultureInfo.InvariantCulture, out var a) && a > 0: agents = a; i++; break;
                case "--lanes" when value is not null: lanes = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; i++; break;
                case "--pacts" when value is not null: pacts = value; i++; break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var u): url = u; i++; break;
                case "--task-hub" when value is not null: taskHub = value; i++; break;
                case "--azurite-pid" when int.TryParse(value, CultureInfo.InvariantCulture, out var p): azuritePid = p; i++; break;
                case "--stage-sample" when int.TryParse(value, CultureInfo.InvariantCulture, out var s) && s >= 0: stageSample = s; i++; break;
                case "--out" when value is not null: output = value; i++; break;
                default: rest.Add(args[i]); break;
            }
        }

        if (rates.Count == 0)
        {
            await stdout.WriteLineAsync("bench: --rate R or --sweep R1,R2,... is required for the load mode").ConfigureAwait(false);
            return 2;
        }

        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var workload = LoadWorkload.Load(pacts, lanes, agents, run);
        string? connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } env ? env : null;
        LocalAgentTrustHost? host = null;
        using var listener = url is null ? new StageTimingsListener() : null;
        try
        {
            if (url is null)
            {
                taskHub ??= "load" + run;
                host = await LocalAgentTrustHost.StartAsync([.. rest], [
                    new("AgentTrust:LocalHost:Url", "http://127.0.0.1:0"),
                    new("AgentTrust:Telemetry:Console", "false"),
                    new("AgentTrust:LocalHost:TaskHub", taskHub),
                ]).ConfigureAwait(false);
                url = host.ApiUrl;
                connection = host.Services.GetRequiredService<IConfiguration>()["AgentTrust:Storage:ConnectionString"] ?? connection;
            }

            var probes = new LoadProbes(connection, taskHub, azuritePid, listener, stageSample);
            var bench = new LoadBenchmark(url, workload, probes, drain);
            await stdout.WriteLineAsync($"load: {workload.Lanes.Count} lanes x {workload.AgentsPerLane} agents, task hub {taskHub ?? "(unknown: no queue depths or history stages)"}, {Environment.ProcessorCount} cores, load average {LoadAverage()}").ConfigureAwait(false);
            // A short warm-up (not reported) so JIT, table creation and the first pact look-ups are not in the figures.
            var next = 0;
            var warmUp = await bench.RunAsync(Math.Min(2, rates[0]), TimeSpan.FromSeconds(3), next, 0, TextWriter.Null).ConfigureAwait(false);
            next += warmUp.Scheduled;

            var reports = new List<LoadStepReport>();
            for (var step = 0; step < rates.Count; step++)
            {
                var rate = rates[step];
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"step: {rate:0.##} actions/s for {duration.TotalSeconds:0} s")).ConfigureAwait(false);
                var report = await bench.RunAsync(rate, duration, next, step + 1, stdout).ConfigureAwait(false);
                next += report.Scheduled;
                reports.Add(report);
                await stdout.WriteLineAsync(report.ToString()).ConfigureAwait(false);
            }

            if (reports.Count > 1)
            {
                await stdout.WriteLineAsync("sweep: target/s, accepted/s, decided/s, decision p50/p95/p99 ms, max in flight, errors").ConfigureAwait(false);
                foreach (var r in reports)
                {
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {r.TargetRate,6:0.##} {r.AcceptedPerSecond,7:0.0} {r.DecidedPerSecondOverall,7:0.0}   {r.Decision.P50,7:0} {r.Decision.P95,7:0} {r.Decision.P99,7:0}   {r.MaxInFlight,5} {r.ErrorCount,4}{(r.Saturated ? "  saturated" : string.Empty)}")).ConfigureAwait(false);
                }
            }

            if (output is not null)
            {
                await File.WriteAllTextAsync(output, JsonSerializer.Serialize(reports, ReportJson)).ConfigureAwait(false);
            }

            return reports.All(r => r.ErrorCount == 0 && r.Consistent) ? 0 : 1;
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The API's JSON conventions, plus NaN for percentiles of an empty set (a step with no decisions).</summary>
    static readonly JsonSerializerOptions ReportJson = new(JsonDefaults.Options)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    static bool TryRate(string? text, out double rate) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out rate) && rate > 0 && !double.IsInfinity(rate);

    static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
