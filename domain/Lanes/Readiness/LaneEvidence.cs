using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Domain.Lanes.Readiness;

/// <summary>
/// What the ranking knows about one lane: the trust scores of every agent acting in it (scored at one time), the
/// current pacts that govern them, and, where something tracks one, the share of the lane's error budget still left
/// (0..1; null when no budget is kept).
/// </summary>
public sealed record LaneEvidence(string Lane, IReadOnlyList<TrustScore> Scores, IReadOnlyList<Pact> Pacts, double? ErrorBudgetLeft = null);
