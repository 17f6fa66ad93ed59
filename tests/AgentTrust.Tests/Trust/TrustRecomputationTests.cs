using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Trust;
using AgentTrust.Tests.Evidence;

namespace AgentTrust.Tests.Trust;

/// <summary>Recomputation from real signed trust-change records: the forward-only reader, watermarks, the per-agent fold.</summary>
public sealed class TrustRecomputationTests : IDisposable
{
    static readonly string[] Lanes = ["incident-routing", "change-risk"];
    static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    readonly LocalEcdsaSigner records = LocalEcdsaSigner.Generate();
    readonly LocalEcdsaSigner checkpoints = LocalEcdsaSigner.Generate();

    public void Dispose()
    {
        records.Dispose();
        checkpoints.Dispose();
    }

    static TrustSignal Signal(string agent, int i) => new(
        (i % 3 == 2 ? "outcome:" : "conduct:") + i, agent, Lanes[i % 2], i % 3 == 2 ? TrustDimension.Outcome : TrustDimension.Conduct,
        i % 5 == 0 ? 0 : 1, i % 5 == 0 ? 2.5 : 0, T0.AddHours(i), "test \"quoted\" reason", i % 3 == 2 ? null : (i < 20 ? "v1" : "v2"), $"act-{i}");

    async Task<EvidenceLogBundle> LogAsync(string agent, int count, params long[] checkpointSizes)
    {
        var leaves = new List<BundledRecord>();
        for (var i = 0; i < count; i++)
        {
            // Every fourth record is a decision (not a trust change): the reader must pass over it.
            var draft = i % 4 == 3
                ? EvidenceTestData.Draft(agent, $"act-d{i}", 0, null)
                : TrustEvidence.Draft(Signal(agent, i), "servicenow", $"INC{i:D7}");
            var content = await EvidenceEnvelopes.SealAsync(draft, records);
            leaves.Add(new BundledRecord(i, EvidenceRecordNames.For(draft), Convert.ToHexStringLower(MerkleTree.LeafHash(content)), content));
        }

        var hashes = leaves.Select(l => Convert.FromHexString(l.LeafHash!)).ToList();
        var signed = new List<Checkpoint>();
        foreach (var size in checkpointSizes)
        {
            signed.Add(await CheckpointSigning.SignAsync(checkpoints, agent, size, MerkleTree.Root(hashes, size), T0.AddMinutes(size)));
        }

        return new EvidenceLogBundle(agent, leaves, signed, []);
    }

    [Fact]
    public async Task ReadSignal_TrustChangeRecord_GivesTheSignalTheFullParserGives()
    {
        var signal = Signal("agent-a", 7);
        var content = await EvidenceEnvelopes.SealAsync(TrustEvidence.Draft(signal, "servicenow", "INC1"), records);
        var decision = await EvidenceEnvelopes.SealAsync(EvidenceTestData.Draft("agent-a", "act-1", 0, null), records);

        var read = TrustEvidence.ReadSignal(content);

        var opened = EvidenceEnvelopes.Open(content).Draft.Payload.GetProperty("signal");
        Assert.Equal(signal, read);
        Assert.Equal(System.Text.Json.JsonSerializer.Deserialize<TrustSignal>(opened, JsonDefaults.Options), read);
        Assert.Null(TrustEvidence.ReadSignal(decision));
        Assert.Throws<FormatException>(() => TrustEvidence.ReadSignal("{\"payload\":\"e30=\"}"u8));
    }

    [Fact]
    public async Task Run_FromTheWatermarksOfAnEarlierRun_GivesTheSameStatesAsAFullRun()
    {
        var bundle = new EvidenceBundle(
            [await records.GetPublicKeyAsync(), await checkpoints.GetPublicKeyAsync()],
            [await LogAsync("agent-a", 40, 20, 40), await LogAsync("agent-b", 30, 20, 30)]);
        var earlier = bundle with { Logs = [.. bundle.Logs.Select(l => l with { Leaves = [.. l.Leaves.Take(20)], Checkpoints = [.. l.Checkpoints.Take(1)] })] };
        var first = TrustRecomputation.Run(earlier, new EvidenceVerifier(), TrustParameters.Default);
        Assert.Equal(2, first.Verification.Watermarks.Count);

        var full = TrustRecomputation.Run(bundle, new EvidenceVerifier(), TrustParameters.Default);
        var incremental = TrustRecomputation.Run(bundle, new EvidenceVerifier(), TrustParameters.Default, first.Verification.Watermarks);

        Assert.True(incremental.Verification.Valid, string.Join("; ", incremental.Verification.Problems));
        Assert.Equal(full.Signals, incremental.Signals);
        Assert.Equal(53, full.Signals);
        Assert.Equal(4, full.States.Count);
        foreach (var (key, state) in full.States)
        {
            Assert.True(TrustRecomputer.Same(state, incremental.States[key]), $"{key} differs");
            // Folding every signal of every agent in one sequence gives the same state as the per-agent fold.
        }

        var signals = bundle.Logs.SelectMany(l => l.Leaves).Select(l => TrustEvidence.ReadSignal(l.Content)).OfType<TrustSignal>().ToList();
        var together = TrustFold.FoldAll(signals, TrustParameters.Default);
        Assert.All(together, s => Assert.True(TrustRecomputer.Same(s.Value, full.States[s.Key]), $"{s.Key} differs"));
    }
}
