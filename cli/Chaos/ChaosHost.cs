using System.Diagnostics;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// One life of <c>agenttrust serve</c> as a child process on a fixed URL, with its output appended to a log file.
/// <see cref="Kill"/> is a crash (SIGKILL to the whole tree: no drain, nothing flushed).
/// </summary>
public sealed class ChaosHost : IAsyncDisposable
{
    readonly Process process;
    readonly StreamWriter log;

    ChaosHost(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
    }

    public bool HasExited => process.HasExited;

    public static async Task<ChaosHost> StartAsync(string dll, IReadOnlyList<string> settings, string connectionString, string logPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [dll, "serve", .. settings])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        // The connection string goes through the environment, never the command line (visible in ps).
        start.Environment["AzureWebJobsStorage"] = connectionString;
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        var host = new ChaosHost(process, log);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("the host exited before listening; see " + logPath));
                return;
            }

            host.Write(e.Data);
            if (e.Data.Contains("listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                host.Write(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>A crash: SIGKILL, no drain.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        Write("--- SIGKILL ---");
    }

    /// <summary>A clean stop: SIGTERM and the host's drain (SIGKILL after 60 s).</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])))
            {
                await kill!.WaitForExitAsync().ConfigureAwait(false);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await KillAsync().ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    void Write(string line)
    {
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after the life ended has nowhere to go.
            }
        }
    }
}
