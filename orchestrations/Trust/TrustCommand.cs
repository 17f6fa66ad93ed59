using System.Globalization;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Storage;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>
/// <c>agenttrust trust recompute</c>: recomputes every score from the storage account's verified evidence and
/// replaces stored scores that differ. Exit codes: 0 done and the stored scores agreed (or were replaced), 1 the
/// evidence has verification problems, 2 usage or input error.
/// </summary>
public static class TrustCommand
{
    public const string Usage = """
        usage:
          agenttrust trust recompute --connection-string CS [--dry-run] [--full] [--table NAME] [--container NAME] [--log-table NAME]

          --dry-run   compare only: report which stored scores differ from the evidence, change nothing
          --full      verify every record in full, ignoring the verified watermarks of earlier runs
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? connection = null;
        string? table = null;
        var storage = new AgentTrustStorageOptions();
        var dryRun = false;
        var full = false;
        if (args.Length == 0 || args[0] != "recompute")
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--full":
                    full = true;
                    break;
                case "--connection-string" when i + 1 < args.Length:
                    connection = args[++i];
                    break;
                case "--table" when i + 1 < args.Length:
                    table = args[++i];
                    break;
                case "--container" when i + 1 < args.Length:
                    storage.EvidenceContainerName = args[++i];
                    break;
                case "--log-table" when i + 1 < args.Length:
                    storage.EvidenceLogTableName = args[++i];
                    break;
                default:
                    await stderr.WriteLineAsync($"unexpected argument '{args[i]}'" + Environment.NewLine + Usage).ConfigureAwait(false);
                    return 2;
            }
        }

        if (connection is null)
        {
            await stderr.WriteLineAsync("recompute needs --connection-string." + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        storage.ConnectionString = connection;
        var clients = new StorageClients(Options.Create(storage));
        var options = new TrustOptions();
        if (table is not null)
        {
            options.TableName = table;
        }

        // Watermarks persist between runs, so a run verifies in full only the records after the last verified checkpoint.
        var recomputer = new TrustRecomputer(
            new StorageEvidenceExporter(clients), new TableTrustStore(clients, Options.Create(options)), TrustParameters.Default,
            new TableVerifiedWatermarkStore(clients), new TrustOptions { FullVerificationHourUtc = null }, TimeProvider.System);
        TrustRecomputeReport report;
        try
        {
            report = await recomputer.RunAsync(write: !dryRun, fullVerification: full, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FormatException or Azure.RequestFailedException)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"read {report.Records} evidence records: {report.Signals} trust signals, {report.SkippedUnverified} left out as unverified; {report.States} scores, {report.Differing.Count} differed from the stored ones{(dryRun ? " (dry run: nothing written)" : string.Empty)}; {(report.FullVerification ? "full verification" : $"{report.RecordsUnderWatermark} record(s) under verified watermarks")}")).ConfigureAwait(false);
        foreach (var key in report.Differing)
        {
            await stdout.WriteLineAsync("  differs: " + key).ConfigureAwait(false);
        }

        foreach (var key in report.ChangedMeanwhile)
        {
            await stdout.WriteLineAsync("  not replaced (a signal was applied during the run; the next run checks it): " + key).ConfigureAwait(false);
        }

        foreach (var problem in report.Problems)
        {
            await stderr.WriteLineAsync("problem: " + problem).ConfigureAwait(false);
        }

        return report.Problems.Count > 0 ? 1 : 0;
    }
}
