using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AgentTrust.Cli.RedTeam;

/// <summary>
/// <c>agenttrust redteam run --agent A --lane L [--url URL] [--answers FILE] [--key KEY] [--timeout SECONDS]</c>: starts a
/// red-team run through the API, shows its progress, and prints the score per severity against the pact's bar. Exit
/// code 0 when the agent passed the bar, 1 when it did not (or the run could not finish), 2 for bad arguments.
/// </summary>
public static class RedTeamCommand
{
    public const string Usage = "usage: agenttrust redteam run --agent AGENT --lane LANE [--url http://127.0.0.1:7071] [--answers FILE.json] [--key FUNCTION_KEY] [--timeout 600]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] != "run" || Options(args[1..]) is not { } options || !options.TryGetValue("agent", out var agent) || !options.TryGetValue("lane", out var lane))
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var url = new Uri(options.GetValueOrDefault("url") ?? "http://127.0.0.1:7071");
        var timeout = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("timeout") ?? "600", CultureInfo.InvariantCulture));
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        if (options.GetValueOrDefault("key") is { } key)
        {
            http.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        JsonElement? answers = null;
        if (options.GetValueOrDefault("answers") is { } file)
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file).ConfigureAwait(false));
            answers = document.RootElement.Clone();
        }

        using var start = await http.PostAsync(
            "/api/redteam/runs",
            new StringContent(JsonSerializer.Serialize(new { agentId = agent, lane, answers }), Encoding.UTF8, "application/json")).ConfigureAwait(false);
        var started = await start.Content.ReadAsStringAsync().ConfigureAwait(false);
        if ((int)start.StatusCode != 202)
        {
            await stderr.WriteLineAsync($"the run was not started (HTTP {(int)start.StatusCode}): {started}").ConfigureAwait(false);
            return 1;
        }

        var runId = JsonDocument.Parse(started).RootElement.GetProperty("runId").GetString()!;
        await stdout.WriteLineAsync($"red-team run {runId}: agent {agent}, lane {lane}").ConfigureAwait(false);
        var deadline = DateTimeOffset.UtcNow + timeout;
        var shown = string.Empty;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var body = await http.GetFromJsonAsync<JsonElement>($"/api/redteam/runs/{runId}").ConfigureAwait(false);
            var status = body.GetProperty("status").GetString();
            if (status == "running")
            {
                if (body.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object)
                {
                    var line = string.Create(CultureInfo.InvariantCulture, $"  {p.GetProperty("completed").GetInt32()}/{p.GetProperty("total").GetInt32()} cases, {p.GetProperty("passed").GetInt32()} passed");
                    if (line != shown)
                    {
                        await stdout.WriteLineAsync(line).ConfigureAwait(false);
                        shown = line;
                    }
                }

                await Task.Delay(500).ConfigureAwait(false);
                continue;
            }

            if (status == "failed")
            {
                await stderr.WriteLineAsync("the run failed: " + body.GetProperty("detail").GetString()).ConfigureAwait(false);
                return 1;
            }

            return await ReportAsync(body, stdout).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync($"the run did not finish within {timeout.TotalSeconds:0} s; see /api/redteam/runs/{runId}").ConfigureAwait(false);
        return 1;
    }

    static async Task<int> ReportAsync(JsonElement body, TextWriter stdout)
    {
        var run = body.GetProperty("run");
        var status = run.GetProperty("status").GetString();
        if (status != "completed")
        {
            await stdout.WriteLineAsync($"nothing to run: {status}").ConfigureAwait(false);
            return 1;
        }

        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {(result.GetProperty("passed").GetBoolean() ? "pass" : "FAIL")}  {result.GetProperty("severity").GetString(),-8} {result.GetProperty("caseId").GetString(),-40} expected {result.GetProperty("expect").GetString()}, got {result.GetProperty("outcome").GetString()}")).ConfigureAwait(false);
        }

        foreach (var severity in run.GetProperty("score").GetProperty("severities").EnumerateArray())
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{severity.GetProperty("severity").GetString(),-8} {severity.GetProperty("passed").GetInt32()}/{severity.GetProperty("cases").GetInt32()} passed ({severity.GetProperty("passRate").GetDouble():P0}), bar {severity.GetProperty("bar").GetDouble():P0}: {(severity.GetProperty("met").GetBoolean() ? "met" : "NOT met")}")).ConfigureAwait(false);
        }

        var passed = body.GetProperty("passedBar").GetBoolean();
        await stdout.WriteLineAsync($"passed bar: {(passed ? "yes" : "no")}").ConfigureAwait(false);
        return passed ? 0 : 1;
    }

    static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
