using AgentTrust.Orchestrations.Reports;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>GET /api/reports</c>: every published weekly report, newest first, with links to its page and to its signed
/// evidence package (docs/reports.md).
/// </summary>
public sealed class ListReportsHandler(BlobWeeklyReportStore store)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reports = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        return ApiResponse.Json(200, new
        {
            reports = reports.Select(r => new
            {
                week = r.Week,
                publishedAt = r.PublishedAt,
                packaged = r.Packaged,
                evidenceRecords = r.EvidenceRecords,
                unreadableRecords = r.UnreadableRecords,
                files = r.Files.Count,
                page = $"/api/reports/{r.Week}",
                package = r.Packaged ? $"/api/reports/{r.Week}/package" : null,
            }),
        });
    }
}
