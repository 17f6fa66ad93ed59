namespace AgentTrust.Domain.Trust;

/// <summary>Both scores of one agent in one lane as of <see cref="AsOf"/>, and how far they diverge.</summary>
/// <param name="Divergence">Conduct mean minus outcome mean: large either way means the pact and the world disagree.</param>
public sealed record TrustScore(
    string AgentId,
    string Lane,
    DateTimeOffset AsOf,
    DimensionScore Conduct,
    DimensionScore Outcome,
    double Divergence,
    string? Version,
    DateTimeOffset? LastEventAt);
