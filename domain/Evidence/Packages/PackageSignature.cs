namespace AgentTrust.Domain.Evidence.Packages;

/// <summary><c>manifest.sig.json</c>: an ES256 signature (IEEE P1363, base64) over the exact bytes of <c>manifest.json</c>.</summary>
public sealed record PackageSignature(string KeyId, string Algorithm, string Signature);
