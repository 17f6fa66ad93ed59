using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.LocalHost;

/// <summary>Durability: a workflow waiting for a human survives a SIGKILL of the host and completes after a restart.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Approval_HostKilledWhileWaiting_CompletesAfterRestart()
    {
        var taskHub = "crash" + Guid.NewGuid().ToString("N")[..8];
        var agent = "crash-" + Guid.NewGuid().ToString("N")[..8];
        string id;
        await using (var first = await LocalHostProcess.StartAsync(azurite.ConnectionString, taskHub))
        {
            using var api = new ApiClient(first.BaseUrl);
            await api.PublishAsync(Actions.Pact(agent));
            var (_, view) = await api.ProposeAsync(Actions.Classify(agent, "k1", priority: 3, confidence: 0.3));
            Assert.Equal("awaiting-approval", view.GetProperty("status").GetString());
            id = view.GetProperty("id").GetString()!;
            await first.KillAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(azurite.ConnectionString, taskHub);
        using var restarted = new ApiClient(second.BaseUrl);
        Assert.Equal("awaiting-approval", (await restarted.GetAsync(id)).GetProperty("status").GetString());

        var (accepted, _) = await restarted.ApproveAsync(id, approved: true);
        var final = await restarted.WaitForStatusAsync(id, TimeSpan.FromSeconds(180), "approved", "rejected", "expired");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("approved", final.GetProperty("status").GetString());
        Assert.Equal("lead@example.com", final.GetProperty("approval").GetProperty("approver").GetString());
        await second.StopAsync();
    }

    [Fact]
    public async Task Stop_Sigterm_DrainsWithinSeconds()
    {
        var host = await LocalHostProcess.StartAsync(azurite.ConnectionString, "drain" + Guid.NewGuid().ToString("N")[..8]);
        await using var _ = host;
        using var api = new ApiClient(host.BaseUrl);
        var agent = "drain-" + Guid.NewGuid().ToString("N")[..8];
        await api.PublishAsync(Actions.Pact(agent));
        await api.ProposeAsync(Actions.Classify(agent, "k1", priority: 3, confidence: 0.95));

        var took = await host.StopAsync();

        Assert.True(took < TimeSpan.FromSeconds(30), $"the host took {took} to stop");
    }
}
