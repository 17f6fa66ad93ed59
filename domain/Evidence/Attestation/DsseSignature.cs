using System.Text.Json.Serialization;

namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>One DSSE signature: the key that made it and the signature (base64, IEEE P1363 r||s for ES256).</summary>
public sealed record DsseSignature([property: JsonPropertyName("keyid")] string KeyId, string Sig);
