using AgentTrust.Orchestrations.Trust;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AgentTrust.Functions.Timers;

/// <summary>
/// Recomputes every trust score from the verified evidence every hour: the incremental scores are checked against
/// the log, and any that differ (a lost write, a record the verifier rejected) are replaced by the recomputed ones.
/// </summary>
public sealed partial class TrustRecomputeFunction(TrustRecomputer recomputer, ILogger<TrustRecomputeFunction> logger)
{
    [Function("RecomputeTrust")]
    public async Task RecomputeTrust([TimerTrigger("0 17 * * * *")] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await recomputer.RunAsync(write: true, context.CancellationToken).ConfigureAwait(false);
        LogRecomputed(report.Records, report.Signals, report.States, report.Differing.Count, report.Problems.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "trust recomputed from {Records} evidence records ({Signals} signals, {States} states); {Differing} differed, {Problems} verification problems")]
    private partial void LogRecomputed(long records, long signals, int states, int differing, int problems);
}
