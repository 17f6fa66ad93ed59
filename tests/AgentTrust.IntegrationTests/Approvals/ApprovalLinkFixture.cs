using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.Approvals;

/// <summary>
/// A local host on Azurite whose approver group <c>leads</c> is reached through a Teams webhook served by the test, so
/// tests receive the approval card exactly as Teams would and follow its links.
/// </summary>
public sealed class ApprovalLinkFixture : IAsyncLifetime
{
    readonly AzuriteFixture azurite = new();
    readonly string keyDirectory = Path.Combine(Path.GetTempPath(), "agenttrust-approvals-" + Guid.NewGuid().ToString("N"));

    internal WebhookReceiver Teams { get; } = new();

    public LocalHostProcess Host { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostProcess.StartAsync(
            azurite.ConnectionString,
            "appr" + Guid.NewGuid().ToString("N")[..8],
            $"--AgentTrust:Approvals:Groups:leads:TeamsWebhookUrl={Teams.Url}",
            $"--AgentTrust:Approvals:TokenKeyPath={Path.Combine(keyDirectory, "approval-token.key")}");
        Api = new ApiClient(Host.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Teams.DisposeAsync();
        await azurite.DisposeAsync();
        if (Directory.Exists(keyDirectory))
        {
            Directory.Delete(keyDirectory, recursive: true);
        }
    }
}
