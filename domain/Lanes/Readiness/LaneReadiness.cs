namespace AgentTrust.Domain.Lanes.Readiness;

/// <summary>
/// One lane's place in the ranking: its score (readiness times containment), the recommendation and every reason
/// behind it, the pooled trust evidence and the most exposed pact's downside.
/// </summary>
/// <param name="Rank">1 is the lane most ready to widen.</param>
/// <param name="WidenNext">True for the single lane to widen first (the best-ranked lane recommended for widening).</param>
/// <param name="Downside">The least contained of the lane's pacts; null when no pact governs the lane.</param>
/// <param name="ErrorBudgetLeft">Share of the error budget left, when one is kept.</param>
public sealed record LaneReadiness(
    int Rank,
    string Lane,
    LaneRecommendation Recommendation,
    bool WidenNext,
    double Score,
    TrustReadiness Trust,
    DownsideProfile? Downside,
    double? ErrorBudgetLeft,
    IReadOnlyList<string> Reasons);
