using AgentTrust.Orchestrations.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Metrics;

/// <summary>Runs the weekly metrics job on an interval (and once at start) in hosts without a timer trigger (the local host).</summary>
public sealed partial class WeeklyMetricsService(WeeklyMetricsJob job, IOptions<WeeklyMetricsOptions> options, TimeProvider time, ILogger<WeeklyMetricsService> logger)
    : PeriodicJobService(logger, time)
{
    protected override string JobName => "computing weekly metrics";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override TimeSpan FirstRunDelay => TimeSpan.Zero;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var rows = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        LogComputed(Logger, rows.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "stored {Count} weekly metrics rows")]
    private static partial void LogComputed(ILogger logger, int count);
}
