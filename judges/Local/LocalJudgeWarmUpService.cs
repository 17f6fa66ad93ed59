using Microsoft.Extensions.Hosting;

namespace AgentTrust.Judges.Local;

/// <summary>
/// Loads (or, the first time, trains) the local judges' models in the background when a host starts, so the first
/// judged action does not wait for them. Hosts register it; tests that need the models load them themselves.
/// </summary>
public sealed class LocalJudgeWarmUpService(LocalJudgeModels models) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(models.WarmUp, stoppingToken);
}
