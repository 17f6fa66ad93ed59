using AgentTrust.Domain.Evidence.Signing;

namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>Everything needed to verify evidence offline: public keys (every key ever used) and the logs.</summary>
public sealed record EvidenceBundle(IReadOnlyList<PublicKeyEntry> Keys, IReadOnlyList<EvidenceLogBundle> Logs)
{
    public const string Format = "agenttrust-evidence-bundle/v1";

    /// <summary>
    /// Records read while their write was still in progress (stored, not yet logged): left out of the logs, named
    /// here so a verification can say it saw them. Never part of an exported bundle file.
    /// </summary>
    public IReadOnlyList<string> InFlight { get; init; } = [];
}
