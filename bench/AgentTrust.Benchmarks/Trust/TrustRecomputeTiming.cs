using System.Diagnostics;
using System.Globalization;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Benchmarks.Trust;

/// <summary>
/// A quick timing of trust recomputation when BenchmarkDotNet's million-record run does not fit (its set-up signs a
/// million records): <c>trust-recompute [records] [runs]</c> builds logs of 10,000 real signed trust-change records,
/// then times, each <c>runs</c> times, the full recomputation (verify everything, parse, fold) and the incremental
/// one (the previous run verified the first 7,500 of each log: its watermarks). Same code as
/// <see cref="TrustRecomputeBenchmarks"/>.
/// </summary>
internal static class TrustRecomputeTiming
{
    public static int Run(string[] args)
    {
        var records = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var watch = Stopwatch.StartNew();
        var bundle = TrustBundleGenerator.Build(records, perLog: 10_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {records:N0} signed records in {bundle.Logs.Count} logs in {watch.Elapsed.TotalSeconds:F1} s"));
        var earlier = bundle with
        {
            Logs = [.. bundle.Logs.Select(l => l with { Leaves = [.. l.Leaves.Take(7_500)], Checkpoints = [.. l.Checkpoints.Where(c => c.TreeSize <= 7_500)] })],
        };
        var watermarks = TrustRecomputation.Run(earlier, new EvidenceVerifier(), TrustParameters.Default).Verification.Watermarks;
        for (var run = 0; run < runs; run++)
        {
            Time("full (verify all, parse, fold)", records, () => TrustRecomputation.Run(bundle, new EvidenceVerifier(), TrustParameters.Default));
            Time("incremental (watermark at 7,500 of 10,000)", records, () => TrustRecomputation.Run(bundle, new EvidenceVerifier(), TrustParameters.Default, watermarks));
            Time("verification alone, full", records, () => new EvidenceVerifier().Verify(bundle));
            Time("verification alone, incremental", records, () => new EvidenceVerifier().Verify(bundle, watermarks));
        }

        return 0;
    }

    static void Time(string what, int records, Func<object> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        var valid = result switch
        {
            TrustRecomputeResult r => r.Verification.Valid && r.Signals == records,
            EvidenceVerificationReport v => v.Valid,
            _ => false,
        };
        if (!valid)
        {
            throw new InvalidOperationException(what + ": the result is not valid");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} {watch.Elapsed.TotalSeconds,7:F2} s  ({records / watch.Elapsed.TotalSeconds:N0} records/s)"));
    }
}
