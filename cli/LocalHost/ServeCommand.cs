using System.Runtime.InteropServices;

namespace AgentTrust.Cli.LocalHost;

/// <summary><c>agenttrust serve</c>: runs the local host until SIGTERM or Ctrl+C, then drains in order and exits.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            // Keep the process alive: the drain below decides when it ends.
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        await using var host = await LocalAgentTrustHost.StartAsync(args).ConfigureAwait(false);
        // Tests and scripts read this line to find the port.
        await stdout.WriteLineAsync($"AgentTrust local host listening on {host.ApiUrl} (task hub '{host.Options.TaskHub}')").ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        await stop.Task.ConfigureAwait(false);
        await stdout.WriteLineAsync("stopping: draining in-flight work").ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);
        await stdout.WriteLineAsync("stopped").ConfigureAwait(false);
        return 0;
    }
}
