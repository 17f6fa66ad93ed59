using System.Globalization;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Blob names in the evidence container: records (one blob each, the first layout, still read), batches of records
/// (one blob per group commit, the write layout now), checkpoints and published public keys.
/// </summary>
public static class EvidenceLayout
{
    public const string RecordsPrefix = EvidenceRecordNames.Prefix;
    public const string BatchesPrefix = "batches/";
    public const string CheckpointsPrefix = "checkpoints/";
    public const string KeysPrefix = "keys/";

    /// <summary><c>records/{agent}/{action}/{sequence:D4}-{kind}.json</c>: one name per step, whatever the retries.</summary>
    public static string RecordName(EvidenceDraft draft) => EvidenceRecordNames.For(draft);

    /// <summary>
    /// <c>batches/{agent}/{yyyyMMddTHHmmssfff}-{unique}.jsonl</c>: records written together, each one line (canonical
    /// JSON has no raw newline). The name is new for every batch; records are addressed by the log (batch, offset, length).
    /// </summary>
    public static string BatchName(string agentId, DateTimeOffset at, Guid unique) =>
        string.Create(CultureInfo.InvariantCulture, $"{BatchesPrefix}{agentId}/{at.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{unique:N}.jsonl");

    /// <summary>The agent of a record or batch blob name (its second path segment).</summary>
    public static string AgentOf(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        return blobName.Split('/')[1];
    }

    public static string CheckpointName(string logId, long treeSize) =>
        string.Create(CultureInfo.InvariantCulture, $"{CheckpointsPrefix}{logId}/{treeSize:D12}.json");

    public static string KeyName(string keyId) => KeysPrefix + Digest.Sha256Hex(keyId)[..32] + ".json";
}
