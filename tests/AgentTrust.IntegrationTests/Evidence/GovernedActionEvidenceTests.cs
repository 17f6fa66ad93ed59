using AgentTrust.IntegrationTests.LocalHost;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.IntegrationTests.Evidence;

/// <summary>
/// The whole path: governed actions through the local host's HTTP API (real orchestrations on Azurite) write
/// signed, logged evidence; <c>evidence verify</c> accepts it, and names the record when one is altered.
/// </summary>
public sealed class GovernedActionEvidenceTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Verify_EvidenceOfGovernedActions_PassesThenNamesAnAlteredRecord()
    {
        var agent = "agent-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Api.PublishAsync(Actions.Pact(agent));
        var (_, applied) = await fixture.Api.ProposeAsync(Actions.Classify(agent, "k1", priority: 3, confidence: 0.95));
        var (_, waiting) = await fixture.Api.ProposeAsync(Actions.Classify(agent, "k2", priority: 3, confidence: 0.3));
        var id = waiting.GetProperty("id").GetString()!;
        await fixture.Api.ApproveAsync(id, approved: false);
        var rejected = await fixture.Api.WaitForStatusAsync(id, TimeSpan.FromSeconds(30), "rejected");
        Assert.Equal("applied", applied.GetProperty("status").GetString());
        // evaluation, decision, notification (who was asked), approval
        Assert.Equal(4, rejected.GetProperty("evidence").GetArrayLength());

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await EvidenceCommand.RunAsync(["verify", "--connection-string", fixture.ConnectionString, "--agent", agent], stdout, stderr);
        Assert.True(code == 0, stdout.ToString() + stderr);

        // Alter the rejected action's approval record (its third) without the key.
        var location = rejected.GetProperty("evidence")[2].GetString()!;
        var name = location["evidence/".Length..];
        using var storage = new EvidenceFixtures(StoredEvidenceNames.Clients(fixture.ConnectionString));
        var content = (await storage.Store.ListAsync(agent, id)).Single(r => r.Location == location).Content.ToArray();
        await storage.RewriteBatchAsync(agent, new Dictionary<string, byte[]?> { [name] = EvidenceFixtures.Alter(content) });
        using var afterStdout = new StringWriter();

        var afterCode = await EvidenceCommand.RunAsync(["verify", "--connection-string", fixture.ConnectionString, "--agent", agent], afterStdout, stderr);

        Assert.Equal(1, afterCode);
        Assert.Contains($"record '{location["evidence/".Length..]}'", afterStdout.ToString().Split('\n').Single(l => l.StartsWith("first bad record:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
