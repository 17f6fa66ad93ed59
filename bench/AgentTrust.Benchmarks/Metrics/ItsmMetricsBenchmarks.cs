using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Metrics.Import;
using BenchmarkDotNet.Attributes;

namespace AgentTrust.Benchmarks.Metrics;

/// <summary>
/// All ITSM metrics for the whole ServiceNow event log (141,712 events): read the gzip file, import, compute overall,
/// per handler and per week (docs/performance.md, "ITSM metrics"; goal under 3 s). Reads
/// /work/shared/data or AGENTTRUST_DATA; the compressed bytes are loaded once so the disk is not measured.
/// </summary>
[MemoryDiagnoser]
public class ItsmMetricsBenchmarks
{
    byte[] serviceNowLog = [];
    ImportResult? imported;

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable("AGENTTRUST_DATA") ?? "/work/shared/data";
        serviceNowLog = File.ReadAllBytes(Path.Combine(root, "uci-incident-eventlog", "incident_event_log.csv.gz"));
        imported = RecordImporter.Import(new MemoryStream(serviceNowLog), RecordFormat.ServiceNow);
    }

    /// <summary>The whole job: decompress, parse, import and compute every metric.</summary>
    [Benchmark]
    public MetricsReport ServiceNowLogEndToEnd()
    {
        var import = RecordImporter.Import(new MemoryStream(serviceNowLog), RecordFormat.ServiceNow);
        return ItsmMetricsCalculator.Compute(import.Events);
    }

    /// <summary>The calculators alone, on the 94,517 lifecycle events the log yields.</summary>
    [Benchmark]
    public MetricsReport ServiceNowMetricsOnly() => ItsmMetricsCalculator.Compute(imported!.Events);
}
