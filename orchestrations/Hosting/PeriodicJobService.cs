using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentTrust.Orchestrations.Hosting;

/// <summary>
/// Runs one scheduled job on an interval in hosts without timer triggers (the local host); the Functions app runs the
/// same jobs from its timer triggers. A failed round (a storage blip) is logged and retried at the next tick: it must
/// never stop the host. Subclasses say what the job is and when it first runs, and log their own results.
/// </summary>
public abstract partial class PeriodicJobService(ILogger logger, TimeProvider time) : BackgroundService
{
    /// <summary>The subclass's logger, for its own messages about each round.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>The job's name in log messages.</summary>
    protected abstract string JobName { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>How long after start the first round runs: zero runs it at once; the default waits one interval.</summary>
    protected virtual TimeSpan FirstRunDelay => Interval;

    protected virtual bool Enabled => true;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        try
        {
            if (FirstRunDelay > TimeSpan.Zero)
            {
                await Task.Delay(FirstRunDelay, time, stoppingToken).ConfigureAwait(false);
            }

            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // See the class comment: logged and retried at the next tick.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogFailed(Logger, JobName, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
