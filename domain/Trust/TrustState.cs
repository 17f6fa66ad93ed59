namespace AgentTrust.Domain.Trust;

/// <summary>
/// What is stored per agent and lane: both scores' decayed evidence, the version the agent last acted under (and since
/// when), the times of the latest version changes (so a late signal from before one is discounted as it would have
/// been had it arrived in time), and the last event time. Scores are derived from it at read time (<see cref="TrustScoring"/>).
/// </summary>
public sealed record TrustState(
    string AgentId,
    string Lane,
    BetaEvidence Conduct,
    BetaEvidence Outcome,
    string? Version,
    DateTimeOffset? VersionSince,
    DateTimeOffset? LastEventAt,
    IReadOnlyList<DateTimeOffset>? Discounts = null)
{
    /// <summary>How many version changes (discount points) are kept for signals that arrive late.</summary>
    public const int MaxDiscounts = 8;

    public static TrustState New(string agentId, string lane) => new(agentId, lane, BetaEvidence.Empty, BetaEvidence.Empty, null, null, null);

    public long Events => Conduct.Events + Outcome.Events;
}
