using AgentTrust.Domain.Disputes;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>How a dispute ended: the verdict and who gave it, the jury's view, the trust change (if any) and the evidence.</summary>
public sealed record DisputeOutcome(
    string DisputeId,
    DisputeVerdict Verdict,
    string? Adjudicator,
    string? Comment,
    DateTimeOffset ResolvedAt,
    DisputeJuryView? Jury,
    TrustChange? Trust,
    IReadOnlyList<string> Evidence);
