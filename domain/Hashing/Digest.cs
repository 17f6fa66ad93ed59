using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AgentTrust.Domain.Hashing;

/// <summary>SHA-256 digests over canonical JSON, written as lower-case hex.</summary>
public static class Digest
{
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    /// <summary>Digest of a value's canonical JSON (RFC 8785): equal values give equal digests.</summary>
    public static string OfCanonicalJson<T>(T value) => Sha256Hex(CanonicalJson.Serialize(value));

    public static string OfCanonicalJson(JsonElement value) => Sha256Hex(CanonicalJson.Serialize(value));
}
