using AgentTrust.IntegrationTests.LocalHost;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>
/// A local host on Azurite for the trust console: a development approver is configured (as on a developer's machine),
/// a member of the <c>leads</c> approver group the test pacts ask, and evidence logs are checkpointed every two seconds, so a record becomes provable within a test.
/// </summary>
public sealed class ConsoleFixture : LocalHostFixture
{
    public const string Approver = "console-lead@example.com";

    protected override string TaskHubPrefix => "cons";

    protected override IEnumerable<string> HostArguments =>
    [
        $"--AgentTrust:Console:DevelopmentApprover={Approver}",
        $"--AgentTrust:Approvals:Groups:leads:Members:0={Approver}",
        "--AgentTrust:Evidence:CheckpointInterval=00:00:02",
    ];
}
