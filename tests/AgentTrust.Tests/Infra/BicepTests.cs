using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace AgentTrust.Tests.Infra;

/// <summary>
/// Runs the real Bicep CLI (from the Azure.Bicep.CommandLine.linux-x64 package) over infra/. Bicep reports type
/// errors as warnings and still exits 0, so any diagnostic output at all fails these tests.
/// </summary>
public sealed class BicepTests
{
    static readonly string Root = FindRoot();
    static readonly string MainBicep = Path.Combine(Root, "infra", "main.bicep");

    [Fact]
    public async Task Lint_MainTemplate_HasNoDiagnostics()
    {
        var (exit, stdout, stderr) = await RunBicepAsync("lint", MainBicep);
        Assert.True(exit == 0 && string.IsNullOrWhiteSpace(stdout) && string.IsNullOrWhiteSpace(stderr), $"bicep lint (exit {exit}):\n{stdout}\n{stderr}");
    }

    [Fact]
    public async Task Build_MainTemplate_CompilesWithoutDiagnosticsAndHasTheSecurityProperties()
    {
        var (exit, stdout, stderr) = await RunBicepAsync("build", MainBicep, "--stdout");
        Assert.True(exit == 0 && string.IsNullOrWhiteSpace(stderr), $"bicep build (exit {exit}):\n{stderr}");
        using var template = JsonDocument.Parse(stdout);
        var json = template.RootElement.GetRawText();

        // The properties this deployment promises (docs/security.md), read from the compiled ARM template.
        Assert.Contains("\"allowSharedKeyAccess\":false", json.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies", json, StringComparison.Ordinal);
        Assert.Contains("\"curveName\":\"P-256\"", json.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"enableRbacAuthorization\":true", json.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("12338af0-0e69-4776-bea7-57ae8d297424", json, StringComparison.Ordinal); // Key Vault Crypto User
        Assert.Contains("FlexConsumption", json, StringComparison.Ordinal);
        Assert.Contains("dotnet-isolated", json, StringComparison.Ordinal);
        Assert.Contains("SystemAssigned", json, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(VaultName=", json, StringComparison.Ordinal);

        var outputs = template.RootElement.GetProperty("outputs");
        foreach (var setting in new[]
        {
            "AzureWebJobsStorage__accountName", "AgentTrust__Storage__AccountName", "AgentTrust__Storage__EvidenceContainerName",
            "AgentTrust__Evidence__KeyVaultUri", "AgentTrust__Evidence__KeyName", "APPLICATIONINSIGHTS_CONNECTION_STRING",
        })
        {
            Assert.True(outputs.TryGetProperty(setting, out _), $"output {setting} is missing");
        }
    }

    [Fact]
    public void Parameters_EveryParameterFileEntry_IsDeclaredInMain()
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "infra", "main.parameters.json")));
        var main = File.ReadAllText(MainBicep);
        foreach (var parameter in parameters.RootElement.GetProperty("parameters").EnumerateObject())
        {
            Assert.Contains($"param {parameter.Name} ", main, StringComparison.Ordinal);
        }
    }

    static async Task<(int Exit, string Stdout, string Stderr)> RunBicepAsync(params string[] args)
    {
        var start = new ProcessStartInfo(BicepPath(), args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(Root, "infra"),
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    static string BicepPath()
    {
        var baked = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BicepPath")?.Value;
        var path = string.IsNullOrEmpty(baked) ? null : Path.GetFullPath(baked.Replace('\\', '/'));
        return path is not null && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The Bicep CLI was not found at '{baked}': restore tests/AgentTrust.Tests (Azure.Bicep.CommandLine.linux-x64).");
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
