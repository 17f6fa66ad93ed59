using System.IO.Compression;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Reports;
using AgentTrust.Orchestrations.Reports;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// A published weekly report: <c>GET /api/reports/{week}</c> is its page (<c>?format=md</c> or <c>json</c> for the
/// Markdown summary or the numbers), <c>GET /api/reports/{week}/package</c> its compliance evidence package as one
/// zip file that <c>agenttrust evidence verify --package</c> accepts.
/// </summary>
public sealed class GetReportHandler(BlobWeeklyReportStore store)
{
    // The page is self-contained (inline styles, charts as data: images); nothing else may load or run.
    static readonly IReadOnlyDictionary<string, string> PageHeaders = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
        ["X-Content-Type-Options"] = "nosniff",
    };

    public async Task<ApiResponse> PageAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (file, contentType) = request.Query("format") switch
        {
            null or "" or "html" => (WeeklyReportGenerator.HtmlFileName, "text/html; charset=utf-8"),
            "md" => (WeeklyReportGenerator.MarkdownFileName, "text/markdown; charset=utf-8"),
            "json" => (WeeklyReportGenerator.JsonFileName, "application/json; charset=utf-8"),
            var other => (null, null),
        };
        if (file is null || contentType is null)
        {
            return Problems.Validation(request, "format must be html, md or json.", [new FieldError("format", "must be html, md or json")]);
        }

        var (report, problem) = await FindAsync(request, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return problem!;
        }

        var bytes = await store.ReadFileAsync(report, file, cancellationToken).ConfigureAwait(false);
        return bytes is null
            ? Problems.NotFound(request, $"The report of {report.Week} has no {file}.")
            : new ApiResponse(200, contentType, bytes, PageHeaders);
    }

    public async Task<ApiResponse> PackageAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (report, problem) = await FindAsync(request, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return problem!;
        }

        if (!report.Packaged)
        {
            return Problems.NotFound(request, $"The report of {report.Week} was published without an evidence package.");
        }

        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in report.Files)
            {
                var bytes = await store.ReadFileAsync(report, path, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The report of {report.Week} lists {path} but does not hold it.");
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new ApiResponse(200, "application/zip", zipped.ToArray(), new Dictionary<string, string>
        {
            ["Content-Disposition"] = $"attachment; filename=\"agenttrust-report-{report.Week}.zip\"",
        });
    }

    async Task<(PublishedWeeklyReport? Report, ApiResponse? Problem)> FindAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var weekText = request.RouteValue("week");
        if (!IsoWeek.TryParse(weekText, out var week))
        {
            return (null, Problems.Validation(request, $"'{weekText}' is not an ISO week such as 2026-W47.", [new FieldError("week", "must be an ISO week such as 2026-W47")]));
        }

        return await store.GetAsync(week, cancellationToken).ConfigureAwait(false) is { } report
            ? (report, null)
            : (null, Problems.NotFound(request, $"No report has been published for {week} yet (the weekly timer publishes last week's on Mondays)."));
    }
}
