using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>
/// A local host on Azurite for the trust console: a development approver is configured (as on a developer's machine),
/// a member of the <c>leads</c> approver group the test pacts ask, and evidence logs are checkpointed every two seconds, so a record becomes provable within a test.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Approver = "console-lead@example.com";

    readonly AzuriteFixture azurite = new();

    public LocalHostProcess Host { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostProcess.StartAsync(
            azurite.ConnectionString,
            "cons" + Guid.NewGuid().ToString("N")[..8],
            $"--AgentTrust:Console:DevelopmentApprover={Approver}",
            $"--AgentTrust:Approvals:Groups:leads:Members:0={Approver}",
            "--AgentTrust:Evidence:CheckpointInterval=00:00:02");
        Api = new ApiClient(Host.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await azurite.DisposeAsync();
    }
}
