using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Metrics.Import;

namespace AgentTrust.Domain.Metrics.Tooling;

/// <summary>
/// <c>agenttrust metrics FILE --format servicenow|rabobank-changes|rabobank-incidents|volvo [--json]</c>: the same ITSM
/// metrics the weekly timer stores, straight from a records file, overall and per week, so anyone can check them
/// against their own tooling. Unreadable rows are reported (count and the first few on stderr; all of them in JSON).
/// Exit code 0 when the file was read, 1 when it could not be read at all, 2 on bad usage.
/// </summary>
public static class MetricsCommand
{
    public const string Usage = "usage: agenttrust metrics FILE --format servicenow|rabobank-changes|rabobank-incidents|volvo [--json]";

    const int UnreadableShown = 20;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? file = null, formatName = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--format" when i + 1 < args.Length:
                    formatName = args[++i];
                    break;
                case var a when a.StartsWith("--format=", StringComparison.Ordinal):
                    formatName = a["--format=".Length..];
                    break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = a;
                    break;
                default:
                    await stderr.WriteLineAsync($"unexpected argument '{args[i]}'\n{Usage}").ConfigureAwait(false);
                    return 2;
            }
        }

        if (file is null || formatName is null || !RecordImporter.FormatNames.TryGetValue(formatName, out var format))
        {
            await stderr.WriteLineAsync(formatName is not null && file is not null ? $"unknown format '{formatName}'\n{Usage}" : Usage).ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"{file}: no such file").ConfigureAwait(false);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var import = RecordImporter.ImportFile(file, format);
        if (import.RowsRead == 0 && import.Unreadable.Count > 0)
        {
            foreach (var row in import.Unreadable)
            {
                await stderr.WriteLineAsync($"{file}:{row.Line}: {row.Reason}").ConfigureAwait(false);
            }

            return 1;
        }

        var report = ItsmMetricsCalculator.Compute(import.Events);
        clock.Stop();
        if (json)
        {
            var document = new
            {
                file,
                format = formatName.ToLowerInvariant(),
                rowsRead = import.RowsRead,
                events = import.Events.Count,
                unreadableRows = import.Unreadable,
                overall = report.Overall,
                byHandler = report.ByHandler.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value),
                weekly = report.Weekly,
            };
            await stdout.WriteLineAsync(JsonSerializer.Serialize(document, JsonDefaults.Options)).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteLineAsync(MetricsTable.Render(file, formatName.ToLowerInvariant(), import, report, clock.Elapsed)).ConfigureAwait(false);
        }

        if (import.Unreadable.Count > 0)
        {
            await stderr.WriteLineAsync($"{import.Unreadable.Count} unreadable row(s) in {file}:").ConfigureAwait(false);
            foreach (var row in import.Unreadable.Take(UnreadableShown))
            {
                await stderr.WriteLineAsync($"{file}:{row.Line}: {row.Reason}").ConfigureAwait(false);
            }

            if (import.Unreadable.Count > UnreadableShown)
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"... and {import.Unreadable.Count - UnreadableShown} more (--json lists them all)")).ConfigureAwait(false);
            }
        }

        return 0;
    }
}
