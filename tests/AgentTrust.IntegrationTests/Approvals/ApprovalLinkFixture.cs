using AgentTrust.IntegrationTests.LocalHost;

namespace AgentTrust.IntegrationTests.Approvals;

/// <summary>
/// A local host on Azurite whose approver group <c>leads</c> is reached through a Teams webhook served by the test, so
/// tests receive the approval card exactly as Teams would and follow its links.
/// </summary>
public sealed class ApprovalLinkFixture : LocalHostFixture
{
    readonly string keyDirectory = Path.Combine(Path.GetTempPath(), "agenttrust-approvals-" + Guid.NewGuid().ToString("N"));

    internal WebhookReceiver Teams { get; } = new();

    protected override string TaskHubPrefix => "appr";

    protected override IEnumerable<string> HostArguments =>
    [
        $"--AgentTrust:Approvals:Groups:leads:TeamsWebhookUrl={Teams.Url}",
        $"--AgentTrust:Approvals:TokenKeyPath={Path.Combine(keyDirectory, "approval-token.key")}",
    ];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Teams.DisposeAsync();
        if (Directory.Exists(keyDirectory))
        {
            Directory.Delete(keyDirectory, recursive: true);
        }
    }
}
