namespace AgentTrust.Domain.Evidence.Signing;

/// <summary>A verification key: its id, algorithm and SubjectPublicKeyInfo (DER, base64).</summary>
public sealed record PublicKeyEntry(string KeyId, string Algorithm, string PublicKey);
