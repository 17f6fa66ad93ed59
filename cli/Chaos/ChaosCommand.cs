using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// <c>agenttrust chaos</c>: drives the local host on Azurite with governed actions, approvals and outcomes while
/// killing it (SIGKILL) and restarting it, and Azurite too, then checks that nothing accepted was lost or applied
/// twice (docs/reliability.md). Exit codes: 0 passed, 1 something was lost, duplicated or failed to verify, 2 usage.
/// </summary>
public static class ChaosCommand
{
    public const string Usage = """
        usage:
          agenttrust chaos [--kills 100] [--duration 30m] [--seed 1] [--rate 0.3] [--azurite-restart-every 10] [--agents 4]
                           [--life 10-20] [--drain 30m] [--stall 4m] [--work DIR] [--azurite PATH] [--host KEY=VALUE] [--json]

          --kills N                  host SIGKILLs before the stream stops
          --duration T               stop the kills after T (90s, 30m, 1h) even if fewer were delivered
          --rate R                   proposed actions per second
          --azurite-restart-every K  restart Azurite during every K-th host life (0: never)
          --life MIN-MAX             seconds a host life lasts before its kill, drawn uniformly
          --drain T                  the longest time accepted actions get to settle after the last kill (30m)
          --stall T                  ...but the drain ends when no action settled for T (4m): stuck, not slow
          --host KEY=VALUE           a setting for the host (repeatable), e.g. AgentTrust:LocalHost:ControlQueueVisibilityTimeout=00:01:00
          --json                     the report as JSON
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var (options, json, error) = Parse(args);
        if (options is null)
        {
            await stderr.WriteLineAsync(error + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        // A first Ctrl+C or SIGTERM ends the kills (the run drains and checks what it has); a second one ends the run,
        // and the children (host, Azurite) are stopped on the way out.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopKills = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (stopKills.IsCancellationRequested)
            {
                stop.Cancel();
            }
            else
            {
                stopKills.Cancel();
            }
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

        // With --json the progress goes to stderr, so stdout is the report alone.
        ChaosReport report;
        try
        {
            report = await new ChaosRunner(options, json ? stderr : stdout).RunAsync(stop.Token, stopKills.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("chaos run stopped before its checks").ConfigureAwait(false);
            return 1;
        }

        await stdout.WriteLineAsync(json ? JsonSerializer.Serialize(report, JsonDefaults.Options) : report.ToString()).ConfigureAwait(false);
        return report.Passed ? 0 : 1;
    }

    internal static (ChaosOptions? Options, bool Json, string? Error) Parse(string[] args)
    {
        var options = new ChaosOptions();
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--json":
                    json = true;
                    continue;
                case "--kills" when int.TryParse(value, CultureInfo.InvariantCulture, out var k) && k >= 0:
                    options = options with { Kills = k };
                    break;
                case "--duration" when Duration(value) is { } d:
                    options = options with { Duration = d };
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var s):
                    options = options with { Seed = s };
                    break;
                case "--rate" when double.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > 0:
                    options = options with { Rate = r };
                    break;
                case "--azurite-restart-every" when int.TryParse(value, CultureInfo.InvariantCulture, out var a) && a >= 0:
                    options = options with { AzuriteRestartEvery = a };
                    break;
                case "--agents" when int.TryParse(value, CultureInfo.InvariantCulture, out var g) && g > 0:
                    options = options with { Agents = g };
                    break;
                case "--life" when Range(value) is { } life:
                    options = options with { MinLifeSeconds = life.Min, MaxLifeSeconds = life.Max };
                    break;
                case "--drain" when Duration(value) is { } drain:
                    options = options with { DrainTimeout = drain };
                    break;
                case "--stall" when Duration(value) is { } stall:
                    options = options with { DrainStall = stall };
                    break;
                case "--work" when value is not null:
                    options = options with { WorkDirectory = Path.GetFullPath(value) };
                    break;
                case "--host" when value?.Contains('=', StringComparison.Ordinal) == true:
                    options = options with { HostSettings = [.. options.HostSettings, value] };
                    break;
                case "--azurite" when value is not null:
                    options = options with { AzuritePath = Path.GetFullPath(value) };
                    break;
                default:
                    return (null, false, $"unexpected or invalid argument '{args[i]}'");
            }

            i++;
        }

        return (options, json, null);
    }

    /// <summary>90, 90s, 30m, 1h, or a TimeSpan (00:30:00).</summary>
    internal static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var unit = text[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        var number = unit == 0 ? text : text[..^1];
        if (double.TryParse(number, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            return TimeSpan.FromSeconds(amount * (unit == 0 ? 1 : unit));
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }

    static (double Min, double Max)? Range(string? text)
    {
        var parts = text?.Split('-') ?? [];
        return parts.Length == 2
            && double.TryParse(parts[0], CultureInfo.InvariantCulture, out var min)
            && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var max)
            && min > 0 && max >= min
            ? (min, max)
            : null;
    }
}
