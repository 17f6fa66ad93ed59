using System.Globalization;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>Blob names in the evidence container: records, checkpoints and published public keys.</summary>
public static class EvidenceLayout
{
    public const string RecordsPrefix = EvidenceRecordNames.Prefix;
    public const string CheckpointsPrefix = "checkpoints/";
    public const string KeysPrefix = "keys/";

    /// <summary><c>records/{agent}/{action}/{sequence:D4}-{kind}.json</c>: one name per step, whatever the retries.</summary>
    public static string RecordName(EvidenceDraft draft) => EvidenceRecordNames.For(draft);

    public static string CheckpointName(string logId, long treeSize) =>
        string.Create(CultureInfo.InvariantCulture, $"{CheckpointsPrefix}{logId}/{treeSize:D12}.json");

    public static string KeyName(string keyId) => KeysPrefix + Digest.Sha256Hex(keyId)[..32] + ".json";
}
