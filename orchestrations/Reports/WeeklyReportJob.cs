using System.Globalization;
using AgentTrust.Domain.Reports;
using AgentTrust.Orchestrations.Evidence;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>
/// Publishes last week's report as a signed compliance evidence package in Blob storage: the work of the Functions
/// weekly timer and of the local host's background loop. A week already published is left as it is, so the job can
/// run as often as wanted and on several instances at once.
/// </summary>
public sealed class WeeklyReportJob(WeeklyReportGenerator generator, BlobWeeklyReportStore store, EvidenceSigners signers, IOptions<WeeklyReportOptions> options, TimeProvider time)
{
    /// <summary>Publishes the last complete ISO week.</summary>
    public Task<WeeklyReportPublication> RunAsync(CancellationToken cancellationToken = default) =>
        PublishAsync(IsoWeek.Of(time.GetUtcNow()).AddWeeks(-1), cancellationToken);

    public async Task<WeeklyReportPublication> PublishAsync(IsoWeek week, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        if (await store.GetAsync(week, cancellationToken).ConfigureAwait(false) is { } published)
        {
            return new WeeklyReportPublication(published, PublishedNow: false);
        }

        var content = await generator.BuildAsync(week, signers, options.Value.TrendWeeks, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        // A run id of its own per attempt, so concurrent runs never write into each other's folder.
        var runId = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        return await store.PublishAsync(content, runId, now, cancellationToken).ConfigureAwait(false);
    }
}
