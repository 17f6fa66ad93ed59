using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;

namespace AgentTrust.Benchmarks.Evidence;

/// <summary>
/// Builds a bundle of real evidence in memory: ES256-signed DSSE records, 4 chained records per action, logs of
/// <c>perLog</c> records, a signed checkpoint every 2,500 records and, after the last one, <c>tail</c> records.
/// </summary>
internal static class EvidenceBundleGenerator
{
    public static EvidenceBundle Build(int records, int perLog, int tail)
    {
        using var recordKey = LocalEcdsaSigner.Generate();
        using var checkpointKey = LocalEcdsaSigner.Generate();
        var payload = JsonSerializer.SerializeToElement(new { priority = 3, category = "Category 55", confidence = 0.93 });
        var logs = new EvidenceLogBundle[records / perLog];
        Parallel.For(0, logs.Length, l => logs[l] = BuildLog($"agent-{l:D4}", perLog, tail, payload, recordKey, checkpointKey));
        return new EvidenceBundle([recordKey.GetPublicKeyAsync().AsTask().Result, checkpointKey.GetPublicKeyAsync().AsTask().Result], logs);
    }

    static EvidenceLogBundle BuildLog(string agent, int count, int tail, JsonElement payload, ISigner records, ISigner checkpoints)
    {
        var leaves = new List<BundledRecord>(count);
        var builder = new MerkleTreeBuilder();
        var checkpointList = new List<Checkpoint>();
        string? previous = null;
        for (var i = 0; i < count; i++)
        {
            var sequence = i % 4;
            previous = sequence == 0 ? null : previous;
            var draft = new EvidenceDraft(
                $"act-{i / 4:D6}", sequence, EvidenceKinds.Decision, agent, "incident-classification", "servicenow", $"INC{i / 4:D7}",
                "sha256:" + new string('d', 64), previous, DateTimeOffset.UnixEpoch.AddSeconds(i), payload);
            var content = EvidenceEnvelopes.SealAsync(draft, records).Result;
            previous = EvidenceEnvelopes.RecordDigest(content);
            var leafHash = MerkleTree.LeafHash(content);
            builder.Append(leafHash);
            leaves.Add(new BundledRecord(i, EvidenceRecordNames.For(draft), Convert.ToHexStringLower(leafHash), content));
            var size = i + 1;
            if ((size % 2_500 == 0 || size == count - tail) && size <= count - tail)
            {
                checkpointList.Add(CheckpointSigning.SignAsync(checkpoints, agent, size, builder.Root(), DateTimeOffset.UnixEpoch.AddSeconds(i)).Result);
            }
        }

        return new EvidenceLogBundle(agent, leaves, checkpointList, []);
    }
}
