using AgentTrust.Orchestrations.Evidence;
using Microsoft.Azure.Functions.Worker;

namespace AgentTrust.Functions.Timers;

/// <summary>Signs a checkpoint of every agent's evidence log every five minutes (Key Vault signs checkpoints, not records).</summary>
public sealed class EvidenceCheckpointFunction(EvidenceCheckpointer checkpointer)
{
    [Function("CheckpointEvidence")]
    public Task CheckpointEvidence([TimerTrigger("0 */5 * * * *")] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return checkpointer.CheckpointAllAsync(context.CancellationToken);
    }
}
