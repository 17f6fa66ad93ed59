namespace AgentTrust.Cli.LocalHost;

/// <summary>
/// A host lifetime that leaves signals alone. The default console lifetime stops the web host on SIGTERM by itself,
/// sidecar first, while the worker still has episodes in flight; the local host handles signals itself and stops
/// in the order that drains (see <see cref="LocalAgentTrustHost.StopAsync"/>).
/// </summary>
internal sealed class CommandLineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
