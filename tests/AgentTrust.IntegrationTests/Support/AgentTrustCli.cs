using System.Diagnostics;

namespace AgentTrust.IntegrationTests.Support;

/// <summary>
/// The <c>agenttrust</c> command line as users run it: the built <c>agenttrust.dll</c> of the same configuration as
/// these tests, in a process of its own. Secrets (the storage connection string) go through the environment, never
/// the arguments.
/// </summary>
public static class AgentTrustCli
{
    /// <summary>The CLI built beside these tests (Debug with Debug, Release with Release).</summary>
    public static string Dll { get; } = Path.Combine(
        AzuriteFixture.RepositoryRoot, "cli", "bin", new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "agenttrust.dll");

    /// <summary>A start for <c>dotnet agenttrust.dll ARGS</c> with both streams redirected, run from the temporary folder.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs the CLI to its end (killed, and the test failed, when it outlives <paramref name="timeout"/>).</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(arguments, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"agenttrust {string.Join(' ', arguments)} did not finish within {timeout}; output so far: {await stdout}{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
