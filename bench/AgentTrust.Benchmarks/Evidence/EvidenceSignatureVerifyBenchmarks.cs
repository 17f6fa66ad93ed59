using AgentTrust.Domain.Evidence.Verification;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AgentTrust.Benchmarks.Evidence;

/// <summary>
/// The cost of checking every record's own ES256 signature (<c>--all-signatures</c>, and what records after the
/// latest checkpoint always cost): verification of 20,000 records with every DSSE signature checked. Result per record.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EvidenceSignatureVerifyBenchmarks
{
    const int Records = 20_000;
    EvidenceBundle? bundle;

    [GlobalSetup]
    public void Setup() => bundle = EvidenceBundleGenerator.Build(Records, perLog: 10_000, tail: 0);

    [Benchmark(OperationsPerInvoke = Records)]
    public long VerifyAllSignatures()
    {
        var report = new EvidenceVerifier(verifyAllSignatures: true).Verify(bundle!);
        return report.Valid && report.SignaturesVerified == Records ? report.RecordsVerified : throw new InvalidOperationException(string.Join("; ", report.Problems.Take(3)));
    }
}
