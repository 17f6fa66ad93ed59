namespace AgentTrust.Cli.Bench;

/// <summary>
/// CPU use over an interval, in percent of one core: this process (client and, without <c>--url</c>, the host),
/// Azurite when its process id is known, and the whole machine (all cores, so up to 100 × cores).
/// </summary>
public sealed record CpuSample(double ThisProcess, double? Azurite, double Machine, int Cores, string LoadAverage);
