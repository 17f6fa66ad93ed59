using AgentTrust.Domain.Trust;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.IntegrationTests.Trust;

/// <summary>The Table trust store on Azurite: ETag concurrency and at-most-once signals.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrustStoreTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    static TrustSignal Signal(int i) => new(
        $"conduct:act-{i:D4}", "router-01", "incident-routing", i % 2 == 0 ? TrustDimension.Conduct : TrustDimension.Outcome,
        i % 5 == 0 ? 0 : 1, i % 5 == 0 ? 3 : 0, T0.AddMinutes(i), "test", i % 2 == 0 ? "sha256:v1" : null, $"act-{i:D4}");

    [Fact]
    public async Task ApplyAsync_TwentyParallelWriters_LoseNoUpdate()
    {
        using var rig = new TrustRig(azurite);
        var signals = Enumerable.Range(0, 20).Select(Signal).ToList();

        var results = await Task.WhenAll(signals.Select(s => Task.Run(() => rig.Store.ApplyAsync(s, TrustParameters.Default))));

        Assert.All(results, r => Assert.True(r.Applied));
        var state = await rig.Store.GetAsync("router-01", "incident-routing");
        Assert.Equal(20, state!.Events);
        var expected = TrustFold.FoldAll(signals, TrustParameters.Default)[("router-01", "incident-routing")];
        Assert.True(TrustRecomputer.Same(expected, state), "parallel updates differ from the fold of the same signals");
    }

    [Fact]
    public async Task ApplyAsync_SameSignalTwiceInParallel_CountsOnce()
    {
        using var rig = new TrustRig(azurite);
        var signal = Signal(1);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => rig.Store.ApplyAsync(signal, TrustParameters.Default))));

        Assert.Single(results, r => r.Applied);
        Assert.Equal(1, (await rig.Store.GetAsync("router-01", "incident-routing"))!.Events);
        Assert.Single(await rig.Store.RecentSignalsAsync("router-01", "incident-routing", 10));
    }

    [Fact]
    public async Task ApplyAsync_SameSignalIdWithAnotherTime_CountsOnce()
    {
        // Found by the 100-kill chaos run: a workflow step re-run after a crash built its conduct signal again with the
        // re-run's time, and the store, keyed by time and id, counted it a second time.
        using var rig = new TrustRig(azurite);
        var signal = Signal(2);

        var first = await rig.Store.ApplyAsync(signal, TrustParameters.Default);
        var retry = await rig.Store.ApplyAsync(signal with { OccurredAt = signal.OccurredAt.AddMinutes(1) }, TrustParameters.Default);

        Assert.True(first.Applied);
        Assert.False(retry.Applied);
        var state = (await rig.Store.GetAsync("router-01", "incident-routing"))!;
        Assert.Equal(1, state.Events);
        Assert.True(TrustRecomputer.Same(first.State, state));
        Assert.Equal(signal.OccurredAt, Assert.Single(await rig.Store.RecentSignalsAsync("router-01", "incident-routing", 10)).OccurredAt);
    }

    [Fact]
    public async Task RecentSignalsAsync_ManySignals_NewestFirstAndLimited()
    {
        using var rig = new TrustRig(azurite);
        foreach (var i in new[] { 3, 1, 4, 0, 2 })
        {
            await rig.Store.ApplyAsync(Signal(i), TrustParameters.Default);
        }

        var recent = await rig.Store.RecentSignalsAsync("router-01", "incident-routing", 3);

        Assert.Equal(["conduct:act-0004", "conduct:act-0003", "conduct:act-0002"], recent.Select(s => s.SignalId));
    }
}
