using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Trust;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace AgentTrust.Benchmarks.Trust;

/// <summary>
/// Trust recomputation from 1,000,000 real signed trust-change records in memory (100 agent logs of 10,000, four
/// lanes, a signed checkpoint every 2,500 records): <see cref="Recompute"/> verifies the logs (leaf hashes against the
/// signed roots, chains, consistency), parses every record and folds the signals; <see cref="RecomputeIncremental"/>
/// is the next run of the same recomputer after 2,500 more records per log: the previous run verified the first
/// 7,500 of each log (its watermarks), so only their leaf hashes are recomputed; <see cref="FoldOnly"/> is the fold
/// of the same signals already parsed.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[MemoryDiagnoser]
public class TrustRecomputeBenchmarks
{
    EvidenceBundle? bundle;
    TrustSignal[]? signals;
    IReadOnlyDictionary<string, VerifiedWatermark>? watermarks;

    [Params(1_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        bundle = TrustBundleGenerator.Build(Records, perLog: 10_000);
        signals = [.. bundle.Logs.SelectMany(l => l.Leaves).Select(r => TrustEvidence.ReadSignal(r.Content)!)];
        // The previous run: the logs as they were 2,500 records per log ago.
        var earlier = bundle with
        {
            Logs = [.. bundle.Logs.Select(l => l with { Leaves = [.. l.Leaves.Take(7_500)], Checkpoints = [.. l.Checkpoints.Where(c => c.TreeSize <= 7_500)] })],
        };
        watermarks = TrustRecomputation.Run(earlier, new EvidenceVerifier(), TrustParameters.Default).Verification.Watermarks;
    }

    [Benchmark]
    public int Recompute()
    {
        var result = TrustRecomputation.Run(bundle!, new EvidenceVerifier(), TrustParameters.Default);
        return result.Signals == Records && result.Verification.Valid
            ? result.States.Count
            : throw new InvalidOperationException(string.Join("; ", result.Verification.Problems.Take(3)));
    }

    [Benchmark]
    public int RecomputeIncremental()
    {
        var result = TrustRecomputation.Run(bundle!, new EvidenceVerifier(), TrustParameters.Default, watermarks);
        return result.Signals == Records && result.Verification.Valid && watermarks!.Count == bundle!.Logs.Count
            ? result.States.Count
            : throw new InvalidOperationException(string.Join("; ", result.Verification.Problems.Take(3)));
    }

    [Benchmark]
    public int FoldOnly() => TrustFold.FoldAll(signals!, TrustParameters.Default).Count;
}
