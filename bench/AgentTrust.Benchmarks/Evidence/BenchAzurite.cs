using System.Diagnostics;

namespace AgentTrust.Benchmarks.Evidence;

/// <summary>
/// Azurite for a benchmark: the instance in <c>AGENTTRUST_BENCH_STORAGE</c> (a connection string), or one started
/// with <c>scripts/azurite.sh</c> for the benchmark process and stopped by it.
/// </summary>
internal sealed class BenchAzurite : IDisposable
{
    readonly string? directory;

    BenchAzurite(string connectionString, string? directory)
    {
        ConnectionString = connectionString;
        this.directory = directory;
    }

    public string ConnectionString { get; }

    public static BenchAzurite Start()
    {
        var given = Environment.GetEnvironmentVariable("AGENTTRUST_BENCH_STORAGE");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new BenchAzurite(given, null);
        }

        var directory = Path.Combine(Path.GetTempPath(), "agenttrust-bench-azurite-" + Environment.ProcessId);
        Run("start", directory);
        var line = File.ReadAllLines(Path.Combine(directory, "azurite.env")).Single(l => l.StartsWith("AZURITE_CONNECTION_STRING=", StringComparison.Ordinal));
        return new BenchAzurite(line["AZURITE_CONNECTION_STRING=".Length..].Trim('\''), directory);
    }

    public void Dispose()
    {
        if (directory is not null)
        {
            Run("stop", directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    static void Run(string command, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root(), "scripts", "azurite.sh"), command, directory]))!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {command} failed");
        }
    }

    static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentTrust.sln")))
        {
            dir = dir.Parent;
        }

        // BenchmarkDotNet runs a copy of the project from bin/; the environment variable is the fallback.
        return dir?.FullName ?? Environment.GetEnvironmentVariable("AGENTTRUST_ROOT") ?? throw new InvalidOperationException("AgentTrust.sln not found; set AGENTTRUST_ROOT.");
    }
}
