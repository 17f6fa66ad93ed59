using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Metrics;

/// <summary>Runs the weekly metrics job on an interval (and once at start) in hosts without a timer trigger (the local host).</summary>
public sealed partial class WeeklyMetricsService(WeeklyMetricsJob job, IOptions<WeeklyMetricsOptions> options, ILogger<WeeklyMetricsService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                var rows = await job.RunAsync(stoppingToken).ConfigureAwait(false);
                LogComputed(rows.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round (storage blip) is logged and retried at the next tick; it must not stop the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "stored {Count} weekly metrics rows")]
    private partial void LogComputed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "computing weekly metrics failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
