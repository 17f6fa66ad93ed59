using AgentTrust.Domain.Metrics;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Metrics;

/// <summary>
/// Computes the weekly ITSM metrics from the stored ticket outcomes and stores them: the work of the weekly metrics
/// timer (Functions) and of the local host's background loop. Recomputes the last few weeks each run, so outcomes
/// that arrive late still count in their week; the rows of one run are replaced, never added twice. Overturned approvals
/// come from the resolved disputes, when a dispute store is configured.
/// </summary>
public sealed class WeeklyMetricsJob(
    OutcomeTableReader outcomes, TableWeeklyMetricsStore store, IOptions<WeeklyMetricsOptions> options, TimeProvider time, Disputes.IDisputeStore? disputes = null)
{
    /// <summary>Recomputes the weeks up to now; returns the rows stored.</summary>
    public Task<IReadOnlyList<StoredWeeklyMetrics>> RunAsync(CancellationToken cancellationToken = default)
    {
        var thisWeek = ItsmMetricsCalculator.WeekStart(time.GetUtcNow());
        return ComputeAsync(thisWeek.AddDays(-7 * (Math.Max(1, options.Value.WeeksRecomputed) - 1)), thisWeek, cancellationToken);
    }

    /// <summary>Recomputes the weeks starting from <paramref name="from"/> to <paramref name="to"/> (both Mondays, inclusive).</summary>
    public async Task<IReadOnlyList<StoredWeeklyMetrics>> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var since = new DateTimeOffset(from.AddDays(-7 * options.Value.WeeksOfHistory).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var read = await outcomes.ListSinceAsync(since, cancellationToken).ConfigureAwait(false);
        var overturned = disputes is null ? []
            : (await disputes.ListResolvedSinceAsync(since, cancellationToken).ConfigureAwait(false)).Select(Domain.Disputes.DisputeLifecycleEvents.From).OfType<LifecycleEvent>();
        var report = ItsmMetricsCalculator.Compute(read.Select(OutcomeLifecycleEvents.From).Concat(overturned));
        var computedAt = time.GetUtcNow();
        var rows = report.Weekly
            .Where(w => w.WeekStart >= from && w.WeekStart <= to)
            .Select(w => new StoredWeeklyMetrics(w.WeekStart, w.Lane, w.AgentId, w.Handler, w.Metrics, computedAt))
            .ToList();
        await store.SaveAsync(rows, cancellationToken).ConfigureAwait(false);
        return rows;
    }
}
