using AgentTrust.Benchmarks.Evidence;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AgentTrust.Benchmarks -- --filter '*Evidence*'
if (args.Length > 0 && args[0] == "evidence-breakdown")
{
    await EvidenceWriteBreakdown.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EvidenceWriteBenchmarks).Assembly).Run(args);
