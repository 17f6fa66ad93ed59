using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Benchmarks.Trust;

/// <summary>
/// A bundle of real trust-change evidence in memory: ES256-signed DSSE records of conduct and outcome signals over
/// four lanes, logs of <c>perLog</c> records with a signed checkpoint every 2,500 records and at the end.
/// </summary>
internal static class TrustBundleGenerator
{
    static readonly string[] Lanes = ["incident-classification", "incident-routing", "change-risk", "knowledge-drafting"];

    public static EvidenceBundle Build(int records, int perLog)
    {
        using var recordKey = LocalEcdsaSigner.Generate();
        using var checkpointKey = LocalEcdsaSigner.Generate();
        var logs = new EvidenceLogBundle[records / perLog];
        Parallel.For(0, logs.Length, l => logs[l] = BuildLog($"agent-{l:D4}", perLog, recordKey, checkpointKey));
        return new EvidenceBundle([recordKey.GetPublicKeyAsync().AsTask().Result, checkpointKey.GetPublicKeyAsync().AsTask().Result], logs);
    }

    public static TrustSignal Signal(string agent, int i)
    {
        var outcome = i % 3 == 2;
        var bad = i % 7 == 0;
        return new TrustSignal(
            (outcome ? "outcome:" : "conduct:") + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
            agent,
            Lanes[i % Lanes.Length],
            outcome ? TrustDimension.Outcome : TrustDimension.Conduct,
            bad ? 0 : 1,
            bad ? 3 : 0,
            DateTimeOffset.UnixEpoch.AddDays(20_000).AddMinutes(i),
            bad ? "violated: change-window (major)" : "no clause violated",
            outcome ? null : "sha256:" + (i / 50_000).ToString("D64", System.Globalization.CultureInfo.InvariantCulture),
            "act-" + i.ToString("D32", System.Globalization.CultureInfo.InvariantCulture));
    }

    static EvidenceLogBundle BuildLog(string agent, int count, ISigner records, ISigner checkpoints)
    {
        var leaves = new List<BundledRecord>(count);
        var builder = new MerkleTreeBuilder();
        var checkpointList = new List<Checkpoint>();
        for (var i = 0; i < count; i++)
        {
            var draft = TrustEvidence.Draft(Signal(agent, i), "servicenow", $"INC{i:D7}");
            var content = EvidenceEnvelopes.SealAsync(draft, records).Result;
            var leafHash = MerkleTree.LeafHash(content);
            builder.Append(leafHash);
            leaves.Add(new BundledRecord(i, Domain.Evidence.EvidenceRecordNames.For(draft), Convert.ToHexStringLower(leafHash), content));
            var size = i + 1;
            if (size % 2_500 == 0 || size == count)
            {
                checkpointList.Add(CheckpointSigning.SignAsync(checkpoints, agent, size, builder.Root(), DateTimeOffset.UnixEpoch.AddSeconds(i)).Result);
            }
        }

        return new EvidenceLogBundle(agent, leaves, checkpointList, []);
    }
}
