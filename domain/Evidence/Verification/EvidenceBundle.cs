using AgentTrust.Domain.Evidence.Signing;

namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>Everything needed to verify evidence offline: public keys (every key ever used) and the logs.</summary>
public sealed record EvidenceBundle(IReadOnlyList<PublicKeyEntry> Keys, IReadOnlyList<EvidenceLogBundle> Logs)
{
    public const string Format = "agenttrust-evidence-bundle/v1";
}
