using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>Publishes last week's report on an interval in hosts without a timer trigger (the local host).</summary>
public sealed partial class WeeklyReportService(WeeklyReportJob job, IOptions<WeeklyReportOptions> options, TimeProvider time, ILogger<WeeklyReportService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(options.Value.InitialDelay, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                var publication = await job.RunAsync(stoppingToken).ConfigureAwait(false);
                if (publication.PublishedNow)
                {
                    LogPublished(publication.Report.Week, publication.Report.EvidenceRecords);
                }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "published the weekly report of {Week} ({Records} evidence records)")]
    private partial void LogPublished(string week, int records);

    [LoggerMessage(Level = LogLevel.Warning, Message = "publishing the weekly report failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
