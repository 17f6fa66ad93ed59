using AgentTrust.IntegrationTests.LocalHost;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>
/// A local host on Azurite that believes App Service Authentication's principal headers (as on Azure behind Easy Auth),
/// so each request can be a different signed-in person. The <c>leads</c> approver group the test pacts ask admits one
/// person by name and the members of one Entra ID group by its group claim.
/// </summary>
public sealed class EasyAuthConsoleFixture : LocalHostFixture
{
    public const string NamedLead = "named-lead@example.com";
    public const string LeadsEntraGroupId = "6a1c9c57-3f0e-4a3b-9d55-0c7e1f2b8a10";

    protected override string TaskHubPrefix => "auth";

    protected override IEnumerable<string> HostArguments =>
    [
        "--AgentTrust:Console:TrustAppServiceAuthentication=true",
        $"--AgentTrust:Approvals:Groups:leads:Members:0={NamedLead}",
        $"--AgentTrust:Approvals:Groups:leads:EntraGroupId={LeadsEntraGroupId}",
    ];
}
