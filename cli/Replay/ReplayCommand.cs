using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using AgentTrust.Cli.Demo;
using AgentTrust.Cli.LocalHost;
using AgentTrust.Domain.Evaluation;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// <c>agenttrust replay</c>: trains the replay's agents on early records, streams later records through the running
/// HTTP API as their actions and outcomes, and compares no governance, a confidence threshold and AgentTrust on the
/// same stream. Without <c>--url</c> it starts the local host itself (like <c>agenttrust demo</c>).
/// </summary>
public static class ReplayCommand
{
    public const string Usage = """
        usage: agenttrust replay [--backtest] [--url URL] [--limit 300] [--speed 0] [--lanes incidents,changes] [--train-fraction 0.4]
                                 [--concurrency 8] [--out replay-report] [--incidents FILE] [--changes FILE] [host options]
          --limit N         records replayed per lane, every k-th of the later period (time order kept)
          --speed X         record-seconds per wall-clock second (86400: a day per second); 0 = as fast as the API answers
          --concurrency N   actions in flight at once (each ticket's outcomes still wait for its own decision)
          --url URL         a running API (agenttrust serve or the Functions app); without it the local host is started here
          --backtest        no API: route each agent's validation-period proposals (the last fifth of its training period)
                            through the pact offline and compare with the baseline; writes backtest.md/.json to --out
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        Uri? url = null;
        int limit = 300, concurrency = 8;
        double speed = 0, trainFraction = 0.4;
        var lanes = new[] { "incidents", "changes" };
        var output = "replay-report";
        string incidentsPath = Path.Combine(AppContext.BaseDirectory, "data", "replay", "servicenow-incidents.csv.gz"), changesPath = RabobankChanges.DefaultPath;
        var rest = new List<string>();
        var backtest = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var ok = true;
            switch (args[i])
            {
                case "--url": ok = Uri.TryCreate(value, UriKind.Absolute, out url); i++; break;
                case "--limit": ok = int.TryParse(value, CultureInfo.InvariantCulture, out limit) && limit > 0; i++; break;
                case "--concurrency": ok = int.TryParse(value, CultureInfo.InvariantCulture, out concurrency) && concurrency is > 0 and <= 64; i++; break;
                case "--speed": ok = double.TryParse(value, CultureInfo.InvariantCulture, out speed) && speed >= 0; i++; break;
                case "--train-fraction": ok = double.TryParse(value, CultureInfo.InvariantCulture, out trainFraction) && trainFraction is > 0.05 and < 0.95; i++; break;
                case "--lanes": lanes = value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []; ok = lanes.Length > 0 && lanes.All(l => l is "incidents" or "changes"); i++; break;
                case "--out": ok = !string.IsNullOrWhiteSpace(value); output = value!; i++; break;
                case "--incidents": ok = File.Exists(value); incidentsPath = value!; i++; break;
                case "--changes": ok = File.Exists(value); changesPath = value!; i++; break;
                case "--backtest": backtest = true; break;
                case "-h" or "--help": await stdout.WriteLineAsync(Usage).ConfigureAwait(false); return 0;
                default: rest.Add(args[i]); break;
            }

            if (!ok)
            {
                await stderr.WriteLineAsync($"replay: bad value for {args[i]}: '{value}'").ConfigureAwait(false);
                await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
            }
        }

        if (backtest)
        {
            return await BacktestAsync(lanes, incidentsPath, changesPath, trainFraction, output, stdout).ConfigureAwait(false);
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await stdout.WriteLineAsync("training the replay's agents on the early records...").ConfigureAwait(false);
        var items = new List<ReplayItem>();
        var setups = new List<ReplayLaneSetup>();
        if (lanes.Contains("incidents"))
        {
            var (streamed, setup) = ReplayStreams.Incidents(ServiceNowSample.Read(incidentsPath), trainFraction, limit);
            items.AddRange(streamed);
            setups.Add(setup);
        }

        if (lanes.Contains("changes"))
        {
            var (streamed, setup) = ReplayStreams.Changes(RabobankChanges.Read(changesPath), trainFraction, limit);
            items.AddRange(streamed);
            setups.Add(setup);
        }

        foreach (var s in setups)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{s.Lane}: {s.AgentId} trained on {s.TrainedOn} records to {s.TrainedUntil:yyyy-MM-dd} (validation error {s.ValidationErrorRate:P1}); replaying {s.Replayed} of {s.ReplayPeriodRecords} later records")).ConfigureAwait(false);
        }

        LocalAgentTrustHost? host = null;
        try
        {
            if (url is null)
            {
                host = await LocalAgentTrustHost.StartAsync(
                    [.. rest],
                    [new("AgentTrust:LocalHost:Url", "http://127.0.0.1:0"), new("AgentTrust:Telemetry:Console", "false")]).ConfigureAwait(false);
                url = host.ApiUrl;
                await stdout.WriteLineAsync($"AgentTrust local host on {url} (task hub '{host.Options.TaskHub}')").ConfigureAwait(false);
            }

            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(100) };
            foreach (var s in setups)
            {
                if (await PublishAsync(http, s.Pact, stdout, stderr).ConfigureAwait(false) is false)
                {
                    return 1;
                }
            }

            var runId = started.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var runner = new ReplayRunner(http, runId, speed, concurrency, stdout, interactive: !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out));
            var records = await runner.RunAsync(items).ConfigureAwait(false);

            var trust = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var agent in setups.Select(s => s.AgentId))
            {
                trust[agent] = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/agents/{agent}/trust", UriKind.Relative)).ConfigureAwait(false);
            }

            var comparisons = setups.Select(s => GovernanceComparison.Compare(
                s.Lane, [.. records.Where(r => r.Lane == s.Lane).Select(ToReplayed)], s.ValidationErrorRate)).ToList();
            var report = new ReplayReport(
                "agenttrust replay " + string.Join(' ', args.Where(a => !a.Contains("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase) && !a.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase))),
                Machine(), url.ToString(), started, Math.Round(clock.Elapsed.TotalSeconds, 1), runner.OutcomesPosted, runner.OutcomesAttributed,
                setups, comparisons, records, trust);
            var (json, markdown) = await ReplayReportWriter.WriteAsync(report, output).ConfigureAwait(false);
            await stdout.WriteLineAsync().ConfigureAwait(false);
            await stdout.WriteLineAsync(ReplayReportWriter.Markdown(report)).ConfigureAwait(false);
            await stdout.WriteLineAsync($"report: {markdown} and {json}").ConfigureAwait(false);
            return 0;
        }
        finally
        {
            if (host is not null)
            {
                await host.StopAsync().ConfigureAwait(false);
                await host.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    static async Task<int> BacktestAsync(string[] lanes, string incidentsPath, string changesPath, double trainFraction, string output, TextWriter stdout)
    {
        await stdout.WriteLineAsync("backtest: training each agent on the first four fifths of its training period...").ConfigureAwait(false);
        var results = ReplayBacktest.Run(
            lanes.Contains("incidents") ? ServiceNowSample.Read(incidentsPath) : null,
            lanes.Contains("changes") ? RabobankChanges.Read(changesPath) : null,
            trainFraction);
        var markdown = ReplayBacktest.Markdown(results);
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "backtest.md"), markdown).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(output, "backtest.json"), JsonSerializer.Serialize(results, ReplayReportWriter.Json)).ConfigureAwait(false);
        await stdout.WriteLineAsync(markdown).ConfigureAwait(false);
        await stdout.WriteLineAsync($"backtest: {Path.Combine(output, "backtest.md")} and backtest.json").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The comparison's view of one replayed action; the integration test builds the same from the API's own records.</summary>
    public static ReplayedAction ToReplayed(ReplayedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ReplayedAction(record.Confidence, record.Wrong, record.Downside == "high" ? Downside.High : Downside.Low,
            ReplayRunner.RouteOf(record.Status), record.LaneConstrained);
    }

    static async Task<bool> PublishAsync(HttpClient http, string relativePath, TextWriter stdout, TextWriter stderr)
    {
        var path = Path.Combine(AppContext.BaseDirectory, relativePath);
        var loaded = PactLoader.LoadFile(path);
        if (!loaded.Succeeded)
        {
            await stderr.WriteLineAsync($"{path}: " + string.Join("; ", loaded.Errors.Select(e => e.ToString()))).ConfigureAwait(false);
            return false;
        }

        var pact = loaded.Pact!;
        using var put = await http.PutAsJsonAsync($"/api/pacts/{pact.AgentId}/{pact.Lane}", pact, JsonDefaults.Options).ConfigureAwait(false);
        if (!put.IsSuccessStatusCode)
        {
            await stderr.WriteLineAsync($"publishing {relativePath} failed: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync().ConfigureAwait(false)}").ConfigureAwait(false);
            return false;
        }

        await stdout.WriteLineAsync($"published pact {pact.AgentId}/{pact.Lane} v{pact.Version} ({pact.Clauses.Count} clauses) from {relativePath}").ConfigureAwait(false);
        return true;
    }

    static string Machine() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
}
