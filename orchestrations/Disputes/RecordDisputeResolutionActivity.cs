using AgentTrust.Domain.Disputes;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Stores a resolved dispute for reporting. Idempotent (an upsert of the same row); false when no store is configured.</summary>
public sealed class RecordDisputeResolutionActivity(IServiceProvider services) : TaskActivity<DisputeResolutionRow, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, DisputeResolutionRow input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (services.GetService<IDisputeStore>() is not { } store)
        {
            return false;
        }

        await store.SaveAsync(input).ConfigureAwait(false);
        return true;
    }
}
