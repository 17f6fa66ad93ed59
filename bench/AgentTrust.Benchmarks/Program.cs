using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AgentTrust.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
