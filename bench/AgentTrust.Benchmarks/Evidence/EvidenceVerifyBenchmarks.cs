using AgentTrust.Domain.Evidence.Verification;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AgentTrust.Benchmarks.Evidence;

/// <summary>
/// Offline verification of 1,000,000 real signed records in memory (100 agent logs of 10,000, 4 records per
/// action, a signed checkpoint every 2,500 records and at the end): every leaf recomputed from the record bytes and
/// checked against the log and the signed roots, every chain walked, a consistency proof per log.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[MemoryDiagnoser]
public class EvidenceVerifyBenchmarks
{
    EvidenceBundle? bundle;

    [Params(1_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup() => bundle = EvidenceBundleGenerator.Build(Records, perLog: 10_000, tail: 0);

    [Benchmark]
    public long Verify()
    {
        var report = new EvidenceVerifier().Verify(bundle!);
        return report.Valid ? report.RecordsVerified : throw new InvalidOperationException(string.Join("; ", report.Problems.Take(3)));
    }
}
