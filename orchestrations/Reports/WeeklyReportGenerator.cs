using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Packages;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Reports;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Metrics;
using AgentTrust.Orchestrations.Storage;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>
/// Writes a week's report from storage: reads every evidence record and the stored weekly metrics, builds the report
/// (<see cref="WeeklyReportBuilder"/>), draws its charts, and writes <c>report.html</c> (self-contained),
/// <c>report.md</c>, <c>report.json</c> (the numbers) and <c>charts/*.png</c>. With signers it first signs a fresh
/// checkpoint of every log (so every record behind the report has an inclusion proof) and makes the folder a
/// compliance evidence package: records, proofs, keys and a signed manifest (docs/reports.md).
/// </summary>
public sealed class WeeklyReportGenerator(StorageClients clients, TableWeeklyMetricsStore metrics, TrustParameters parameters, TimeProvider time)
{
    public const string HtmlFileName = "report.html";

    public const string MarkdownFileName = "report.md";

    public const string JsonFileName = "report.json";

    static readonly JsonSerializerOptions Indented = new(JsonDefaults.Options) { WriteIndented = true };

    public async Task<WeeklyReportFiles> WriteAsync(IsoWeek week, string directory, EvidenceSigners? signers, int trendWeeks = WeeklyReportBuilder.DefaultTrendWeeks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            // A package lists every file it holds: leftovers of an earlier run would read as files added to it.
            throw new IOException($"'{directory}' is not empty; write the report to a new folder.");
        }

        var content = await BuildAsync(week, signers, trendWeeks, cancellationToken).ConfigureAwait(false);
        foreach (var (path, bytes) in content.Files)
        {
            var full = Path.Combine(directory, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, bytes, cancellationToken).ConfigureAwait(false);
        }

        return new WeeklyReportFiles(directory, [.. content.Files.Keys], content.Packaged, content.EvidenceRecords, content.UnreadableRecords);
    }

    /// <summary>
    /// Builds a week's report in memory: every file by relative path (forward slashes). With signers it is a signed
    /// compliance evidence package (a fresh checkpoint of every log is signed first).
    /// </summary>
    public async Task<WeeklyReportContent> BuildAsync(IsoWeek week, EvidenceSigners? signers, int trendWeeks = WeeklyReportBuilder.DefaultTrendWeeks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        if (signers is not null)
        {
            await new EvidenceCheckpointer(clients, new TableEvidenceLog(clients), signers, time).CheckpointAllAsync(cancellationToken).ConfigureAwait(false);
        }

        var bundle = await new StorageEvidenceExporter(clients).ReadAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<ReportEvidence>();
        var unreadable = 0;
        foreach (var record in bundle.Logs.SelectMany(l => l.Leaves.Concat(l.Unlogged)).Where(r => r.Content is not null))
        {
            try
            {
                records.Add(new ReportEvidence(record.Name, EvidenceEnvelopes.Open(record.Content).Draft));
            }
            catch (FormatException)
            {
                // Counted and left out; `agenttrust evidence verify` names it.
                unreadable++;
            }
        }

        var from = DateOnly.FromDateTime(week.AddWeeks(-(trendWeeks - 1)).Start.UtcDateTime);
        var to = DateOnly.FromDateTime(week.Start.UtcDateTime);
        var rows = await metrics.ListAsync(from, to, lane: null, cancellationToken).ConfigureAwait(false);
        var report = WeeklyReportBuilder.Build(
            week, records, rows.Select(r => new WeeklyMetrics(r.WeekStart, r.Lane, r.AgentId, r.Handler, r.Metrics)), parameters, time.GetUtcNow(), trendWeeks);

        var charts = ReportChartRenderer.Render(report);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [HtmlFileName] = Encoding.UTF8.GetBytes(HtmlReport.Render(report, charts)),
            [MarkdownFileName] = Encoding.UTF8.GetBytes(MarkdownReport.Render(report)),
            [JsonFileName] = JsonSerializer.SerializeToUtf8Bytes(report, Indented),
        };
        foreach (var (name, png) in charts)
        {
            files["charts/" + name] = png;
        }

        IReadOnlyDictionary<string, byte[]> written = files;
        if (signers is not null)
        {
            written = await EvidencePackageBuilder.BuildAsync(
                week.ToString(), week.Start, week.End, files, bundle, report.EvidenceRecords, signers.Checkpoints, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return new WeeklyReportContent(week, written, signers is not null, report.EvidenceRecords.Count, unreadable);
    }

    /// <summary>Reads every file of a package folder by relative path (forward slashes), for the verifier.</summary>
    public static async Task<IReadOnlyDictionary<string, byte[]>> ReadFolderAsync(string directory, CancellationToken cancellationToken = default)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/')] = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }

        return files;
    }
}
