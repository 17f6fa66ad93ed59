using AgentTrust.Domain.Evidence.Signing;

namespace AgentTrust.Domain.Evidence.Merkle;

/// <summary>Makes and checks signed checkpoints.</summary>
public static class CheckpointSigning
{
    public static async Task<Checkpoint> SignAsync(ISigner signer, string logId, long treeSize, byte[] rootHash, DateTimeOffset timestamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(rootHash);
        // Millisecond precision, so the signed text and the stored timestamp are the same instant.
        timestamp = new DateTimeOffset(timestamp.UtcTicks - (timestamp.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var origin = Checkpoint.OriginFor(logId);
        var root = Convert.ToBase64String(rootHash);
        var signature = await signer.SignAsync(Checkpoint.NoteBody(origin, treeSize, root, timestamp), cancellationToken).ConfigureAwait(false);
        return new Checkpoint(origin, treeSize, root, timestamp, signer.KeyId, signer.Algorithm, Convert.ToBase64String(signature));
    }

    public static bool Verify(Checkpoint checkpoint, KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(keys);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(checkpoint.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return keys.Verify(checkpoint.KeyId, checkpoint.Algorithm, checkpoint.NoteBody(), signature);
    }
}
