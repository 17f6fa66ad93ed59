using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>The hourly recomputation in hosts without a timer trigger (the local host).</summary>
public sealed partial class TrustRecomputeService(TrustRecomputer recomputer, IOptions<TrustOptions> options, ILogger<TrustRecomputeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecomputeInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var report = await recomputer.RunAsync(write: true, stoppingToken).ConfigureAwait(false);
                LogRecomputed(report.Records, report.States, report.Differing.Count);
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
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "trust recomputed from {Records} evidence records: {States} states, {Differing} differed")]
    private partial void LogRecomputed(long records, int states, int differing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "trust recomputation failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
