using AgentTrust.Benchmarks.Evidence;
using AgentTrust.Benchmarks.Judging;
using AgentTrust.Judges.Evaluation;
using BenchmarkDotNet.Running;

// BenchmarkDotNet's switcher (dotnet run -c Release --project bench/AgentTrust.Benchmarks -- --filter '*'), plus
// commands: the held-out evaluation of the local judges (docs/judges.md), the per-action jury latency measurement
// (docs/performance.md, "Jury") and the evidence write breakdown (docs/performance.md, "Evidence").
return args switch
{
    ["judges-evaluate", .. var rest] => await JudgeEvaluationCommand.RunAsync(rest, Console.Out, Console.Error),
    ["jury-latency", .. var rest] => await JuryLatency.RunAsync(rest, Console.Out),
    ["evidence-breakdown", ..] => await EvidenceBreakdown(args),
    ["trust-recompute", ..] => AgentTrust.Benchmarks.Trust.TrustRecomputeTiming.Run(args),
    _ => Run(args),
};

static async Task<int> EvidenceBreakdown(string[] args)
{
    await EvidenceWriteBreakdown.RunAsync(args);
    return 0;
}

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(JuryBenchmarks).Assembly).Run(args);
    return 0;
}
