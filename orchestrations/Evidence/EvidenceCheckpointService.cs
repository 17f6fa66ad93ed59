using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Signs a checkpoint of every agent's evidence log on an interval, in hosts without a timer trigger (the local
/// host). A checkpoint vouches for every record under it, so verification needs no per-record signature checks.
/// </summary>
public sealed partial class EvidenceCheckpointService(EvidenceCheckpointer checkpointer, IOptions<EvidenceOptions> options, ILogger<EvidenceCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var checkpoints = await checkpointer.CheckpointAllAsync(stoppingToken).ConfigureAwait(false);
                LogCheckpoints(checkpoints.Count);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "signed {Count} evidence checkpoints")]
    private partial void LogCheckpoints(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "signing evidence checkpoints failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
