using AgentTrust.Orchestrations.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>The hourly recomputation in hosts without a timer trigger (the local host).</summary>
public sealed partial class TrustRecomputeService(TrustRecomputer recomputer, IOptions<TrustOptions> options, TimeProvider time, ILogger<TrustRecomputeService> logger)
    : PeriodicJobService(logger, time)
{
    protected override string JobName => "trust recomputation";

    protected override TimeSpan Interval => options.Value.RecomputeInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var report = await recomputer.RunAsync(write: true, cancellationToken).ConfigureAwait(false);
        LogRecomputed(Logger, report.Records, report.States, report.Differing.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "trust recomputed from {Records} evidence records: {States} states, {Differing} differed")]
    private static partial void LogRecomputed(ILogger logger, long records, int states, int differing);
}
