using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AgentTrust.IntegrationTests.Support;

/// <summary>
/// The local host (<c>agenttrust serve</c>) as a separate process on Azurite, so tests can drive it over HTTP and
/// kill it with SIGKILL like a crash. The storage connection string goes through the environment, never arguments.
/// </summary>
public sealed partial class LocalHostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly List<string> output;

    LocalHostProcess(Process process, Uri baseUrl, List<string> output)
    {
        this.process = process;
        BaseUrl = baseUrl;
        this.output = output;
    }

    /// <summary>Everything the process wrote to stdout and stderr so far (its logs).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (output)
            {
                return [.. output];
            }
        }
    }

    public Uri BaseUrl { get; }

    public int ProcessId => process.Id;

    public static async Task<LocalHostProcess> StartAsync(string connectionString, string taskHub, params string[] extraArguments)
    {
        var start = AgentTrustCli.StartInfo(
            ["serve", "--AgentTrust:LocalHost:Url=http://127.0.0.1:0", $"--AgentTrust:LocalHost:TaskHub={taskHub}", .. extraArguments],
            new Dictionary<string, string> { ["AzureWebJobsStorage"] = connectionString });
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("the local host exited: " + string.Join('\n', lines)));
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new LocalHostProcess(process, url, lines);
    }

    /// <summary>A crash: SIGKILL, no drain, nothing flushed.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>A clean stop: SIGTERM, then wait for the drain.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        if (!process.HasExited)
        {
            _ = Syscall.Kill(process.Id, Syscall.SigTerm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }

        return stopwatch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+?)/? ")]
    private static partial Regex ListeningLine();
}
