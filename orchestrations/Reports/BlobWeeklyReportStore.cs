using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Reports;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>
/// Published weekly reports in Blob storage. Each run writes its files under its own folder
/// (<c>{week}/runs/{run}/</c>), then claims the week by creating <c>{week}/published.json</c> only if it does not
/// exist. So two timers firing at once (scale-out) publish one report whose files all come from one run, a run that
/// crashed half-way leaves an unclaimed folder and no marker, and a published report is never rewritten.
/// </summary>
public sealed class BlobWeeklyReportStore(StorageClients clients, IOptions<WeeklyReportOptions> options)
{
    const string MarkerName = "published.json";
    static readonly JsonSerializerOptions Indented = new(JsonDefaults.Options) { WriteIndented = true };

    BlobContainerClient Container => clients.Blobs.GetBlobContainerClient(options.Value.ContainerName);

    public async Task<WeeklyReportPublication> PublishAsync(WeeklyReportContent content, string runId, DateTimeOffset publishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var container = Container;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var week = content.Week.ToString();
        foreach (var (path, bytes) in content.Files)
        {
            await container.GetBlobClient(FilePath(week, runId, path))
                .UploadAsync(new BinaryData(bytes), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(path) } }, cancellationToken)
                .ConfigureAwait(false);
        }

        var report = new PublishedWeeklyReport(
            week, runId, publishedAt, [.. content.Files.Keys.Order(StringComparer.Ordinal)], content.Packaged, content.EvidenceRecords, content.UnreadableRecords);
        try
        {
            await container.GetBlobClient($"{week}/{MarkerName}").UploadAsync(
                new BinaryData(JsonSerializer.SerializeToUtf8Bytes(report, Indented)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken).ConfigureAwait(false);
            return new WeeklyReportPublication(report, PublishedNow: true);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another run claimed the week first: its report stands, and this run's files are removed.
            foreach (var path in content.Files.Keys)
            {
                await container.GetBlobClient(FilePath(week, runId, path)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var standing = await GetAsync(content.Week, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The report of {week} was claimed but its marker cannot be read.", ex);
            return new WeeklyReportPublication(standing, PublishedNow: false);
        }
    }

    /// <summary>The published report of a week, or null when the week has none yet.</summary>
    public async Task<PublishedWeeklyReport?> GetAsync(IsoWeek week, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        try
        {
            var download = await Container.GetBlobClient($"{week}/{MarkerName}").DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content.ToObjectFromJson<PublishedWeeklyReport>(JsonDefaults.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every published week, newest first.</summary>
    public async Task<IReadOnlyList<PublishedWeeklyReport>> ListAsync(CancellationToken cancellationToken = default)
    {
        var container = Container;
        var reports = new List<PublishedWeeklyReport>();
        try
        {
            await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", prefix: null, cancellationToken).ConfigureAwait(false))
            {
                if (item.IsPrefix && IsoWeek.TryParse(item.Prefix.TrimEnd('/'), out var week) && await GetAsync(week, cancellationToken).ConfigureAwait(false) is { } report)
                {
                    reports.Add(report);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return [.. reports.OrderByDescending(r => r.Week, StringComparer.Ordinal)];
    }

    /// <summary>One file of a published report, or null when the report does not list it.</summary>
    public async Task<byte[]?> ReadFileAsync(PublishedWeeklyReport report, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Files.Contains(path, StringComparer.Ordinal))
        {
            return null;
        }

        var download = await Container.GetBlobClient(FilePath(report.Week, report.RunId, path)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return download.Value.Content.ToArray();
    }

    static string FilePath(string week, string runId, string path) => $"{week}/runs/{runId}/{path}";

    static string ContentTypeOf(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".json" => "application/json",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
