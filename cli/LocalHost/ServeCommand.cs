namespace AgentTrust.Cli.LocalHost;

/// <summary><c>agenttrust serve</c>: runs the local host until SIGTERM or Ctrl+C, then drains and exits.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        await using var host = await LocalAgentTrustHost.StartAsync(args).ConfigureAwait(false);
        // Tests and scripts read this line to find the port.
        await stdout.WriteLineAsync($"AgentTrust local host listening on {host.ApiUrl} (task hub '{host.Options.TaskHub}')").ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        await host.WaitForShutdownAsync().ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);
        return 0;
    }
}
