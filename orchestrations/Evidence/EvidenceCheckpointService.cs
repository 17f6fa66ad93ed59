using AgentTrust.Orchestrations.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Signs a checkpoint of every agent's evidence log on an interval, in hosts without a timer trigger (the local
/// host). A checkpoint vouches for every record under it, so verification needs no per-record signature checks.
/// </summary>
public sealed partial class EvidenceCheckpointService(EvidenceCheckpointer checkpointer, IOptions<EvidenceOptions> options, TimeProvider time, ILogger<EvidenceCheckpointService> logger)
    : PeriodicJobService(logger, time)
{
    protected override string JobName => "signing evidence checkpoints";

    protected override TimeSpan Interval => options.Value.CheckpointInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var checkpoints = await checkpointer.CheckpointAllAsync(cancellationToken).ConfigureAwait(false);
        LogCheckpoints(Logger, checkpoints.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "signed {Count} evidence checkpoints")]
    private static partial void LogCheckpoints(ILogger logger, int count);
}
