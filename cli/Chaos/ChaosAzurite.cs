using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// Azurite as a child process with its data on disk and fixed ports, so a restart keeps the data and the connection
/// string: the host sees an outage, not a new account. Stopped with SIGTERM (Azurite saves its databases then):
/// the point is a storage outage, not Azurite's own durability, which real Azure Storage does not share.
/// </summary>
public sealed class ChaosAzurite : IAsyncDisposable
{
    const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    readonly string launcher;
    readonly string directory;
    readonly int blob = FreePort();
    readonly int queue = FreePort();
    readonly int table = FreePort();
    Process? process;
    int closed;

    public ChaosAzurite(string launcher, string directory)
    {
        this.launcher = launcher;
        this.directory = directory;
        ConnectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;");
    }

    public string ConnectionString { get; }

    /// <summary>The Azurite launcher above <paramref name="start"/> (a repository with <c>npm ci</c> done), or null.</summary>
    public static string? FindLauncher(params string[] start)
    {
        foreach (var from in start)
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var data = Path.Combine(directory, "azurite-data");
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo(launcher,
        [
            "--silent", "--location", data, "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", blob.ToString(CultureInfo.InvariantCulture), "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
            "--tablePort", table.ToString(CultureInfo.InvariantCulture),
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        closed = 0;
        // Azurite says "... service successfully closed" for blob, queue and table once a stop has saved its data.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("successfully closed", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref closed);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await ListensAsync(blob).ConfigureAwait(false) && await ListensAsync(queue).ConfigureAwait(false) && await ListensAsync(table).ConfigureAwait(false)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Azurite did not start listening.");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A clean stop, by the process id this class started: SIGTERM, then, once Azurite reports its three services closed
    /// (data saved; the process itself can linger), SIGKILL; SIGKILL after 60 s in any case.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])))
            {
                await kill!.WaitForExitAsync().ConfigureAwait(false);
            }

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!process.HasExited && Volatile.Read(ref closed) < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
        process = null;
    }

    public async Task RestartAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        await StopAsync().ConfigureAwait(false);
        await Task.Delay(down, cancellationToken).ConfigureAwait(false);
        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
