using AgentTrust.Benchmarks.Judging;
using AgentTrust.Judges.Evaluation;
using BenchmarkDotNet.Running;

// BenchmarkDotNet's switcher (dotnet run -c Release --project bench/AgentTrust.Benchmarks -- --filter '*'), plus two
// commands: the held-out evaluation of the local judges (docs/judges.md) and the per-action jury latency
// measurement (docs/performance.md, "Jury").
return args switch
{
    ["judges-evaluate", .. var rest] => await JudgeEvaluationCommand.RunAsync(rest, Console.Out, Console.Error),
    ["jury-latency", .. var rest] => await JuryLatency.RunAsync(rest, Console.Out),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(JuryBenchmarks).Assembly).Run(args);
    return 0;
}
