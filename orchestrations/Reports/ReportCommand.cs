using System.Globalization;
using System.IO.Compression;
using AgentTrust.Domain.Reports;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Metrics;
using AgentTrust.Orchestrations.Storage;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>
/// <c>agenttrust report</c>: writes a week's report and compliance evidence package from a storage account.
/// Exit codes: 0 written, 2 usage or input error.
/// </summary>
public static class ReportCommand
{
    public const string Usage = """
        usage:
          agenttrust report --connection-string CS --week 2026-W47 --out DIR [--zip FILE] [--trend-weeks 4] [--no-package]
                            [--checkpoint-key PEM] [--record-key PEM] [--container NAME] [--log-table NAME] [--metrics-table NAME]

          --week          ISO week (default: the last complete week)
          --out           a new or empty folder: report.html, report.md, report.json, charts/*.png and, unless
                          --no-package, the evidence records, inclusion proofs, keys and a signed manifest
          --zip FILE      also writes the folder as one zip file
          --checkpoint-key / --record-key
                          the evidence keys (PEM) of the host that wrote the evidence (default: the local host's,
                          under the user's local application data); the checkpoint key signs the manifest
        verify a package with: agenttrust evidence verify --package DIR|FILE.zip [--trusted-keys FILE]
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        time ??= TimeProvider.System;
        Dictionary<string, string?> options;
        try
        {
            options = ParseOptions(args);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync(ex.Message + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        if (options.GetValueOrDefault("connection-string") is not { } connection || options.GetValueOrDefault("out") is not { } outDir)
        {
            await stderr.WriteLineAsync("report needs --connection-string and --out." + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        var week = IsoWeek.Of(time.GetUtcNow()).AddWeeks(-1);
        if (options.GetValueOrDefault("week") is { } weekText && !IsoWeek.TryParse(weekText, out week))
        {
            await stderr.WriteLineAsync($"--week '{weekText}' is not an ISO week such as 2026-W47.").ConfigureAwait(false);
            return 2;
        }

        var trendWeeks = WeeklyReportBuilder.DefaultTrendWeeks;
        if (options.GetValueOrDefault("trend-weeks") is { } trendText &&
            (!int.TryParse(trendText, NumberStyles.None, CultureInfo.InvariantCulture, out trendWeeks) || trendWeeks is < 1 or > 52))
        {
            await stderr.WriteLineAsync("--trend-weeks must be a whole number from 1 to 52.").ConfigureAwait(false);
            return 2;
        }

        var storage = new AgentTrustStorageOptions { ConnectionString = connection };
        if (options.GetValueOrDefault("container") is { } container)
        {
            storage.EvidenceContainerName = container;
        }

        if (options.GetValueOrDefault("log-table") is { } logTable)
        {
            storage.EvidenceLogTableName = logTable;
        }

        var metricsOptions = new WeeklyMetricsOptions();
        if (options.GetValueOrDefault("metrics-table") is { } metricsTable)
        {
            metricsOptions.TableName = metricsTable;
        }

        EvidenceSigners? signers = null;
        try
        {
            var clients = new StorageClients(Options.Create(storage));
            var generator = new WeeklyReportGenerator(clients, new TableWeeklyMetricsStore(clients, Options.Create(metricsOptions)), TrustParameters.Default, time);
            signers = options.ContainsKey("no-package")
                ? null
                : EvidenceSignerFactory.Create(new EvidenceOptions { CheckpointKeyPath = options.GetValueOrDefault("checkpoint-key"), RecordKeyPath = options.GetValueOrDefault("record-key") });
            var written = await generator.WriteAsync(week, outDir, signers, trendWeeks, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"report {week}: {written.Files.Count} files in {outDir}{(written.Packaged ? $", a signed evidence package of {written.EvidenceRecords} records" : string.Empty)}")).ConfigureAwait(false);
            if (written.UnreadableRecords > 0)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"note: {written.UnreadableRecords} unreadable evidence record(s) were left out; run agenttrust evidence verify")).ConfigureAwait(false);
            }

            if (options.GetValueOrDefault("zip") is { } zip)
            {
                ZipFile.CreateFromDirectory(outDir, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
                await stdout.WriteLineAsync("zipped to " + zip).ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or Azure.RequestFailedException)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
        finally
        {
            (signers?.Records as IDisposable)?.Dispose();
            (signers?.Checkpoints as IDisposable)?.Dispose();
        }
    }

    static Dictionary<string, string?> ParseOptions(string[] args)
    {
        var flags = new HashSet<string>(StringComparer.Ordinal) { "no-package" };
        var valued = new HashSet<string>(StringComparer.Ordinal)
        {
            "connection-string", "week", "out", "zip", "trend-weeks", "checkpoint-key", "record-key", "container", "log-table", "metrics-table",
        };
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : throw new ArgumentException($"unexpected argument '{arg}'");
            if (flags.Contains(name))
            {
                options[name] = null;
            }
            else if (valued.Contains(name))
            {
                options[name] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value");
            }
            else
            {
                throw new ArgumentException($"unknown option '{arg}'");
            }
        }

        return options;
    }
}
