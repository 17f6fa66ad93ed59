namespace AgentTrust.Domain.Evidence.Signing;

/// <summary>
/// The signer port: a local ECDSA key (offline runs, tests, per-record signing) or Azure Key Vault (checkpoints in
/// production). The caller hands over the bytes; the signer hashes them (SHA-256) as its algorithm says.
/// </summary>
public interface ISigner
{
    /// <summary>Names the key, and is written next to every signature so verifiers can pick the key (rotation).</summary>
    string KeyId { get; }

    string Algorithm { get; }

    /// <summary>Signs SHA-256(data); the result is IEEE P1363 (r||s, 64 bytes for ES256).</summary>
    ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>The public half, so evidence stays verifiable after the key is rotated away.</summary>
    ValueTask<PublicKeyEntry> GetPublicKeyAsync(CancellationToken cancellationToken = default);
}
