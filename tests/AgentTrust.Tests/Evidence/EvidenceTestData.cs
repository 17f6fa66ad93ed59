using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;

namespace AgentTrust.Tests.Evidence;

/// <summary>Builds real, signed evidence logs in memory, as the store would write them.</summary>
internal static class EvidenceTestData
{
    public static readonly DateTimeOffset At = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static EvidenceDraft Draft(string agent, string action, int sequence, string? previous, string kind = EvidenceKinds.Decision) => new(
        action, sequence, kind, agent, "incident-classification", "servicenow", "INC0000045", "sha256:" + new string('a', 64), previous,
        At.AddSeconds(sequence), JsonDocument.Parse($"{{\"step\":{sequence}}}").RootElement);

    /// <summary>
    /// A log of <paramref name="actions"/> actions with <paramref name="steps"/> records each, interleaved as agents
    /// work, chained per action, and checkpoints at the given sizes.
    /// </summary>
    public static async Task<EvidenceLogBundle> LogAsync(ISigner records, ISigner checkpoints, string agent, int actions, int steps, params long[] checkpointSizes)
    {
        var previous = new string?[actions];
        var leaves = new List<BundledRecord>();
        for (var step = 0; step < steps; step++)
        {
            for (var action = 0; action < actions; action++)
            {
                var draft = Draft(agent, $"act-{action:D4}", step, previous[action]);
                var content = await EvidenceEnvelopes.SealAsync(draft, records);
                previous[action] = EvidenceEnvelopes.RecordDigest(content);
                leaves.Add(new BundledRecord(leaves.Count, EvidenceRecordNames.For(draft), Convert.ToHexStringLower(MerkleTree.LeafHash(content)), content));
            }
        }

        var hashes = leaves.Select(l => Convert.FromHexString(l.LeafHash!)).ToList();
        var signed = new List<Checkpoint>();
        foreach (var size in checkpointSizes)
        {
            signed.Add(await CheckpointSigning.SignAsync(checkpoints, agent, size, MerkleTree.Root(hashes, size), At.AddMinutes(size)));
        }

        return new EvidenceLogBundle(agent, leaves, signed, []);
    }

    public static async Task<EvidenceBundle> BundleAsync(ISigner records, ISigner checkpoints, params EvidenceLogBundle[] logs) =>
        new([await records.GetPublicKeyAsync(), await checkpoints.GetPublicKeyAsync()], logs);

    /// <summary>Changes a signed record's statement without re-signing it (what an attacker without the key can do).</summary>
    public static byte[] Alter(byte[] content)
    {
        var envelope = JsonSerializer.Deserialize<DsseEnvelope>(content, AgentTrust.Domain.Hashing.JsonDefaults.Options)!;
        var statement = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(envelope.Payload));
        var altered = statement.Replace("\"step\":", "\"step\":9", StringComparison.Ordinal);
        Assert.NotEqual(statement, altered);
        var tampered = envelope with { Payload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(altered)) };
        return AgentTrust.Domain.Hashing.CanonicalJson.Serialize(tampered, AgentTrust.Domain.Hashing.JsonDefaults.Options);
    }

    public static string LeafHashOf(byte[] content) => Convert.ToHexStringLower(MerkleTree.LeafHash(content));
}
