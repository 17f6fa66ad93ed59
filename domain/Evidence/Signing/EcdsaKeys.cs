using System.Security.Cryptography;

namespace AgentTrust.Domain.Evidence.Signing;

/// <summary>Helpers for P-256 keys: stable key ids and public key entries.</summary>
public static class EcdsaKeys
{
    /// <summary>A key id derived from the public key, so the same key always has the same id.</summary>
    public static string LocalKeyId(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var spki = key.ExportSubjectPublicKeyInfo();
        return "local:p256:" + Convert.ToHexStringLower(SHA256.HashData(spki))[..32];
    }

    public static PublicKeyEntry PublicEntry(string keyId, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new PublicKeyEntry(keyId, SignatureAlgorithms.Es256, Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>A P-256 public key from JWK coordinates (Key Vault returns keys as JWK).</summary>
    public static ECDsa FromJwk(byte[] x, byte[] y) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = x, Y = y },
    });
}
