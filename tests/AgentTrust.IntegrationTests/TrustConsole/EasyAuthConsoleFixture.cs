using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>
/// A local host on Azurite that believes App Service Authentication's principal headers (as on Azure behind Easy Auth),
/// so each request can be a different signed-in person. The <c>leads</c> approver group the test pacts ask admits one
/// person by name and the members of one Entra ID group by its group claim.
/// </summary>
public sealed class EasyAuthConsoleFixture : IAsyncLifetime
{
    public const string NamedLead = "named-lead@example.com";
    public const string LeadsEntraGroupId = "6a1c9c57-3f0e-4a3b-9d55-0c7e1f2b8a10";

    readonly AzuriteFixture azurite = new();

    public LocalHostProcess Host { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public string ConnectionString => azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostProcess.StartAsync(
            azurite.ConnectionString,
            "auth" + Guid.NewGuid().ToString("N")[..8],
            "--AgentTrust:Console:TrustAppServiceAuthentication=true",
            $"--AgentTrust:Approvals:Groups:leads:Members:0={NamedLead}",
            $"--AgentTrust:Approvals:Groups:leads:EntraGroupId={LeadsEntraGroupId}");
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
