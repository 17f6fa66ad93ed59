namespace AgentTrust.Cli.Bench;

/// <summary>
/// What the load mode can observe besides the HTTP API: the task hub's storage (queue depths, history timings) when
/// the connection string and hub are known, Azurite's CPU when its process id is known, and the product's stage
/// timer when the host runs in this process.
/// </summary>
public sealed record LoadProbes(string? ConnectionString, string? TaskHub, int? AzuritePid, StageTimingsListener? Stages, int StageSample = 200);
