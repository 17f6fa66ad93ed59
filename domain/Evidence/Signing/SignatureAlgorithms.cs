namespace AgentTrust.Domain.Evidence.Signing;

/// <summary>JOSE algorithm names. One is used: ECDSA on P-256 with SHA-256, signatures as IEEE P1363 r||s.</summary>
public static class SignatureAlgorithms
{
    public const string Es256 = "ES256";
}
