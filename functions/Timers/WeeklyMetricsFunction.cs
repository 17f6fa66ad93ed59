using AgentTrust.Orchestrations.Metrics;
using Microsoft.Azure.Functions.Worker;

namespace AgentTrust.Functions.Timers;

/// <summary>Recomputes and stores the weekly ITSM metrics from the stored ticket outcomes, every hour at minute 7.</summary>
public sealed class WeeklyMetricsFunction(WeeklyMetricsJob job)
{
    [Function("ComputeWeeklyMetrics")]
    public Task ComputeWeeklyMetrics([TimerTrigger("0 7 * * * *")] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return job.RunAsync(context.CancellationToken);
    }
}
