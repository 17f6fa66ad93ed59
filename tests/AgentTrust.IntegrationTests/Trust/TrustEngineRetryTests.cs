using AgentTrust.Domain.Trust;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.Trust;

/// <summary>
/// Found by the 100-kill chaos run: the Azure Storage backend sends a step's activity message before it writes the
/// step's history, so a host killed in between re-runs the step later, and a signal the step builds from the
/// workflow's clock comes again with another time. The trust engine must fold the signal its evidence holds, once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrustEngineRetryTests(AzuriteFixture azurite)
{
    const string Agent = "classifier-07";
    const string Lane = "incident-classification";
    static readonly DateTimeOffset T0 = new(2026, 11, 27, 6, 57, 28, TimeSpan.Zero);

    static TrustSignal Conduct(DateTimeOffset at) =>
        new("conduct:act-b2c0", Agent, Lane, TrustDimension.Conduct, 1, 0, at, "pact passed", "sha256:pact-v1", "act-b2c0");

    [Fact]
    public async Task ApplyAsync_StepRerunWithAnotherTime_CountsOnceAndEqualsTheRecomputation()
    {
        using var rig = new TrustRig(azurite);

        var first = await rig.Engine.ApplyAsync(Conduct(T0), "servicenow", "INC0001");
        var rerun = await rig.Engine.ApplyAsync(Conduct(T0.AddMinutes(1)), "servicenow", "INC0001");

        Assert.True(first.Applied);
        Assert.False(rerun.Applied);
        Assert.Equal(T0, rerun.Signal.OccurredAt);
        Assert.Equal(1, (await rig.Store.GetAsync(Agent, Lane))!.Events);
        var report = await rig.Recomputer.RunAsync(write: false);
        Assert.Empty(report.Differing);
    }

    [Fact]
    public async Task ApplyAsync_CrashAfterTheEvidenceThenRerunWithAnotherTime_FoldsTheRecordedSignal()
    {
        using var rig = new TrustRig(azurite);
        // The first run stored the trust-change record, then the host died before the score was updated.
        await rig.Evidence.Store.AppendAsync(TrustEvidence.Draft(Conduct(T0), "servicenow", "INC0001"));

        var rerun = await rig.Engine.ApplyAsync(Conduct(T0.AddMinutes(1)), "servicenow", "INC0001");

        Assert.True(rerun.Applied);
        Assert.Equal(T0, rerun.Signal.OccurredAt);
        var state = (await rig.Store.GetAsync(Agent, Lane))!;
        Assert.Equal(T0, state.LastEventAt);
        Assert.Equal(T0, Assert.Single(await rig.Store.RecentSignalsAsync(Agent, Lane, 10)).OccurredAt);
        var report = await rig.Recomputer.RunAsync(write: false);
        Assert.Empty(report.Differing);
    }
}
