using AgentTrust.Domain.Trust;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.IntegrationTests.Trust;

/// <summary><c>agenttrust trust recompute</c> against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrustCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunAsync_RecomputeAfterLostWrite_ReportsAndRestoresTheScore()
    {
        using var rig = new TrustRig(azurite);
        var at = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            var signal = new TrustSignal($"conduct:act-{i}", "router-01", "incident-routing", TrustDimension.Conduct, 1, 0, at.AddHours(i), "clean", "sha256:v1", $"act-{i}");
            await rig.Engine.ApplyAsync(signal, "servicenow", $"INC{i}");
        }

        var kept = (await rig.Store.GetAsync("router-01", "incident-routing"))!;
        await rig.Store.PutAsync(kept with { Conduct = BetaEvidence.Empty });
        string[] args = ["recompute", .. rig.Evidence.StorageArgs(azurite), "--table", rig.TableName];
        using var dryOut = new StringWriter();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var dry = await TrustCommand.RunAsync([.. args, "--dry-run"], dryOut, errors);
        var stillLost = (await rig.Store.GetAsync("router-01", "incident-routing"))!;
        var code = await TrustCommand.RunAsync(args, output, errors);

        Assert.Equal(0, dry);
        Assert.Equal(0, stillLost.Conduct.Events);
        Assert.Equal(0, code);
        Assert.Contains("differs: router-01/incident-routing", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("3 trust signals", output.ToString(), StringComparison.Ordinal);
        Assert.True(TrustRecomputer.Same(kept, (await rig.Store.GetAsync("router-01", "incident-routing"))!));
    }

    [Fact]
    public async Task RunAsync_NoConnectionString_UsageError()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await TrustCommand.RunAsync(["recompute"], output, errors);

        Assert.Equal(2, code);
        Assert.Contains("--connection-string", errors.ToString(), StringComparison.Ordinal);
    }
}
