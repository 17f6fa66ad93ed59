using AgentTrust.Domain.Judging;
using BenchmarkDotNet.Attributes;

namespace AgentTrust.Benchmarks.Judging;

/// <summary>Mean and median cost of the local jury per action, and of each local judge alone.</summary>
[MemoryDiagnoser]
public class JuryBenchmarks
{
    JuryWorkload workload = null!;
    int next;

    [GlobalSetup]
    public void Setup() => workload = new JuryWorkload();

    JudgeRequest NextRequest() => workload.Requests[next++ % workload.Requests.Length];

    [Benchmark(Baseline = true)]
    public Task<JuryResult> LocalJury() => workload.JudgeAsync(NextRequest());

    [Benchmark]
    public ValueTask<JudgeVerdict> TextClassifierJudge() => workload.Judges[0].JudgeAsync(NextRequest(), CancellationToken.None);

    [Benchmark]
    public ValueTask<JudgeVerdict> PrecedentJudge() => workload.Judges[1].JudgeAsync(NextRequest(), CancellationToken.None);

    [Benchmark]
    public ValueTask<JudgeVerdict> RulesJudge() => workload.Judges[2].JudgeAsync(NextRequest(), CancellationToken.None);

    [Benchmark]
    public JuryResult AggregationOnly() => Jury.Aggregate("c1", Verdicts, workload.Reliability, JuryPolicy.Default);

    static readonly JudgeVerdict[] Verdicts =
    [
        new("ticket-text-classifier", "v", "c1", Verdict.Pass, 0.8, "r"),
        new("precedent-knn", "v", "c1", Verdict.Pass, 0.9, "r"),
        new("rules", "v", "c1", Verdict.Fail, 0.1, "r"),
    ];
}
