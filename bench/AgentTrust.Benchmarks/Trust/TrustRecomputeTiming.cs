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
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {records:N0} signed records in {bundle.Logs.Count} logs in {watch.Elapsed.TotalSeconds:F1} s"));
        var earlier = bundle with
        {
            Logs = [.. bundle.Logs.Select(l => l with { Leaves = [.. l.Leaves.Take(7_500)], Checkpoints = [.. l.Checkpoints.Where(c => c.TreeSize <= 7_500)] })],
        };
        var watermarks = TrustRecomputation.Run(earlier, new EvidenceVerifier(), TrustParameters.Default).Verification.Watermarks;
        // The steady state of an hourly run when little arrived since the last one: everything under a watermark.
        var latest = new EvidenceVerifier().Verify(bundle).Watermarks;
        for (var run = 0; run < runs; run++)
        {
            Time("full (verify all, parse, fold)", records, () => TrustRecomputation.Run(bundle, new EvidenceVerifier(), TrustParameters.Default));
            Time("incremental (watermark at 7,500 of 10,000)", records, () => TrustRecomputation.Run(bundle, new EvidenceVerifier(), TrustParameters.Default, watermarks));
            Time("incremental (watermark at 10,000 of 10,000)", records, () => TrustRecomputation.Run(bundle, new EvidenceVerifier(), TrustParameters.Default, latest));
            Time("verification alone, full", records, () => new EvidenceVerifier().Verify(bundle));
            Time("verification alone, incremental (7,500)", records, () => new EvidenceVerifier().Verify(bundle, watermarks));
            Time("verification alone, incremental (10,000)", records, () => new EvidenceVerifier().Verify(bundle, latest));
        }

        return 0;
    }

    static void Time(string what, int records, Func<object> run)
    {
        // CPU time of the whole process too: on a shared machine wall time mostly measures the other processes;
        // CPU seconds / 2 cores is what the same work would take, perfectly parallel, on this machine idle.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} {watch.Elapsed.TotalSeconds,7:F2} s  ({records / watch.Elapsed.TotalSeconds:N0} records/s), CPU {cpu.TotalSeconds:F2} s, load {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}"));
    }
}
