using AgentTrust.Orchestrations.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>Publishes last week's report on an interval in hosts without a timer trigger (the local host).</summary>
public sealed partial class WeeklyReportService(WeeklyReportJob job, IOptions<WeeklyReportOptions> options, TimeProvider time, ILogger<WeeklyReportService> logger)
    : PeriodicJobService(logger, time)
{
    protected override string JobName => "publishing the weekly report";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override TimeSpan FirstRunDelay => options.Value.InitialDelay;

    protected override bool Enabled => options.Value.Enabled;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var publication = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        if (publication.PublishedNow)
        {
            LogPublished(Logger, publication.Report.Week, publication.Report.EvidenceRecords);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "published the weekly report of {Week} ({Records} evidence records)")]
    private static partial void LogPublished(ILogger logger, string week, int records);
}
