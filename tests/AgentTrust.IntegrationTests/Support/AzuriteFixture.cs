using System.Diagnostics;

namespace AgentTrust.IntegrationTests.Support;

/// <summary>
/// Real Azurite for a test run. Uses the instance named by <c>AGENTTRUST_TEST_STORAGE</c> (a connection string, as
/// <c>.ci/run</c> sets it), or starts one with <c>scripts/azurite.sh</c> on free ports and stops it by process id.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    string? ownedDirectory;

    public string ConnectionString { get; private set; } = string.Empty;

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("AGENTTRUST_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        ownedDirectory = Path.Combine(Path.GetTempPath(), "agenttrust-azurite-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        await RunScriptAsync("start", ownedDirectory);
        var env = await File.ReadAllLinesAsync(Path.Combine(ownedDirectory, "azurite.env"));
        var line = env.Single(l => l.StartsWith("AZURITE_CONNECTION_STRING=", StringComparison.Ordinal));
        ConnectionString = line["AZURITE_CONNECTION_STRING=".Length..].Trim('\'');
    }

    public async Task DisposeAsync()
    {
        if (ownedDirectory is not null)
        {
            await RunScriptAsync("stop", ownedDirectory);
            try
            {
                Directory.Delete(ownedDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    static async Task RunScriptAsync(string command, string directory)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "scripts", "azurite.sh"), command, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {command} failed: {await stderr}");
        }
    }

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentTrust.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AgentTrust.sln not found above " + AppContext.BaseDirectory);
    }
}
