using AgentTrust.Orchestrations.Reports;
using Microsoft.Azure.Functions.Worker;

namespace AgentTrust.Functions.Timers;

/// <summary>
/// Publishes last week's report and signed evidence package to Blob storage every Monday at 03:00 UTC, after the
/// hourly metrics job has stored the week's final numbers. A week already published is left as it is.
/// </summary>
public sealed class WeeklyReportFunction(WeeklyReportJob job)
{
    [Function("PublishWeeklyReport")]
    public Task PublishWeeklyReport([TimerTrigger("0 0 3 * * 1")] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return job.RunAsync(context.CancellationToken);
    }
}
