using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AgentTrust.Domain.Evidence.Signing;

/// <summary>
/// Public keys by key id. Rotation adds a key and never removes one, so records signed by an old key stay
/// verifiable. Thread-safe for verification in parallel.
/// </summary>
public sealed class KeyRing : IDisposable
{
    readonly ConcurrentDictionary<string, (PublicKeyEntry Entry, ECDsa Key)> keys = new(StringComparer.Ordinal);

    public KeyRing(IEnumerable<PublicKeyEntry>? entries = null)
    {
        foreach (var entry in entries ?? [])
        {
            Add(entry);
        }
    }

    public IReadOnlyCollection<PublicKeyEntry> Entries => [.. keys.Values.Select(v => v.Entry).OrderBy(e => e.KeyId, StringComparer.Ordinal)];

    public bool Contains(string keyId) => keys.ContainsKey(keyId);

    /// <summary>Adds a key; the same id with a different key is refused (a key id names one key forever).</summary>
    public void Add(PublicKeyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!string.Equals(entry.Algorithm, SignatureAlgorithms.Es256, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Key '{entry.KeyId}' uses unsupported algorithm '{entry.Algorithm}'.", nameof(entry));
        }

        if (keys.TryGetValue(entry.KeyId, out var existing))
        {
            if (!string.Equals(existing.Entry.PublicKey, entry.PublicKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Key id '{entry.KeyId}' is already bound to another public key.", nameof(entry));
            }

            return;
        }

        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(entry.PublicKey), out _);
        if (!keys.TryAdd(entry.KeyId, (entry, key)))
        {
            key.Dispose();
        }
    }

    /// <summary>Checks an ES256 signature (IEEE P1363) over SHA-256(data); unknown key ids do not verify.</summary>
    public bool Verify(string keyId, string algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!string.Equals(algorithm, SignatureAlgorithms.Es256, StringComparison.Ordinal) || !keys.TryGetValue(keyId, out var held))
        {
            return false;
        }

        return held.Key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public void Dispose()
    {
        foreach (var value in keys.Values)
        {
            value.Key.Dispose();
        }

        keys.Clear();
    }
}
