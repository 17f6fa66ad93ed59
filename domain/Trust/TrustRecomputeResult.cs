using AgentTrust.Domain.Evidence.Verification;

namespace AgentTrust.Domain.Trust;

/// <summary>What a recomputation read, what it left out as unverified, the states it folded, and the verification report.</summary>
public sealed record TrustRecomputeResult(
    long Records,
    long Signals,
    long SkippedUnverified,
    IReadOnlyDictionary<(string AgentId, string Lane), TrustState> States,
    EvidenceVerificationReport Verification);
