using System.Globalization;
using System.Text;

namespace AgentTrust.Domain.Evidence.Merkle;

/// <summary>
/// A signed tree head, as transparency logs publish: the log (origin), its size, root hash (base64) and time,
/// signed as a note body (C2SP signed-note style text) by the checkpoint key (Key Vault in production).
/// </summary>
public sealed record Checkpoint(
    string Origin,
    long TreeSize,
    string RootHash,
    DateTimeOffset Timestamp,
    string KeyId,
    string Algorithm,
    string Signature)
{
    /// <summary>The exact bytes that are signed: one field per line, newline-terminated.</summary>
    public static byte[] NoteBody(string origin, long treeSize, string rootHash, DateTimeOffset timestamp) =>
        Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{origin}\n{treeSize}\n{rootHash}\n{timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\n"));

    public byte[] NoteBody() => NoteBody(Origin, TreeSize, RootHash, Timestamp);

    /// <summary>The origin line of an agent's evidence log.</summary>
    public static string OriginFor(string logId) => "agenttrust.dev/evidence/" + logId;
}
