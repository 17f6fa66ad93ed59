using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Trust;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Trust;

/// <summary>A signal retried with another time (a workflow step re-run after a crash) is folded as its evidence records it.</summary>
public sealed class TrustEngineRetryTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 27, 6, 43, 46, TimeSpan.Zero);

    static TrustSignal Conduct(DateTimeOffset at) =>
        new("conduct:act-80d5", "classifier-04", "incident-classification", TrustDimension.Conduct, 0, 6, at, "pact breached", "sha256:pact-v1", "act-80d5");

    [Fact]
    public async Task ApplyAsync_EvidenceStoredBeforeACrashAndRerunWithAnotherTime_FoldsTheRecordedSignal()
    {
        var evidence = new InMemoryEvidenceStore();
        var store = new InMemoryTrustStore();
        var engine = new TrustEngine(evidence, store, new InMemoryTrustAttributionIndex(), TrustParameters.Default, TimeProvider.System);
        await evidence.AppendAsync(TrustEvidence.Draft(Conduct(T0), "servicenow", "INC0002"));

        var change = await engine.ApplyAsync(Conduct(T0.AddMinutes(1)), "servicenow", "INC0002");

        Assert.True(change.Applied);
        Assert.Equal(T0, change.Signal.OccurredAt);
        var recorded = Assert.Single(evidence.All).Bytes;
        var expected = TrustFold.FoldAll([TrustEvidence.ReadSignal(recorded)!], TrustParameters.Default)[("classifier-04", "incident-classification")];
        Assert.True(TrustRecomputer.Same(expected, (await store.GetAsync("classifier-04", "incident-classification"))!));
    }

    [Fact]
    public async Task ApplyAsync_FirstAttempt_FoldsTheSignalAsGiven()
    {
        var evidence = new InMemoryEvidenceStore();
        var engine = new TrustEngine(evidence, new InMemoryTrustStore(), new InMemoryTrustAttributionIndex(), TrustParameters.Default, TimeProvider.System);

        var change = await engine.ApplyAsync(Conduct(T0), "servicenow", "INC0002");

        Assert.True(change.Applied);
        Assert.Equal(Conduct(T0), change.Signal);
        Assert.Equal(Conduct(T0), TrustEvidence.ReadSignal(Assert.Single(evidence.All).Bytes));
    }
}
