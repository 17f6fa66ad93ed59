using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AgentTrust.Benchmarks -- --filter '*Evidence*'
BenchmarkSwitcher.FromAssembly(typeof(AgentTrust.Benchmarks.Evidence.EvidenceWriteBenchmarks).Assembly).Run(args);
