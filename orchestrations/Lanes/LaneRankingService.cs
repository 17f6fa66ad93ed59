using AgentTrust.Domain.Lanes.Readiness;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.Orchestrations.Lanes;

/// <summary>
/// Gathers what the lane ranking needs: every agent's trust state (scored at one instant), and every current pact,
/// grouped into the ten lanes; then ranks them (<see cref="LaneRanking"/>). Lanes outside the ten are not ranked.
/// </summary>
public sealed class LaneRankingService(ITrustStore trust, IPactStore pacts, TrustParameters parameters, LaneRankingPolicy policy, TimeProvider time)
{
    public const string PolicySectionName = "AgentTrust:Lanes:Ranking";

    public LaneRankingPolicy Policy => policy;

    public async Task<(DateTimeOffset AsOf, IReadOnlyList<LaneReadiness> Lanes)> RankAsync(CancellationToken cancellationToken = default)
    {
        var asOf = time.GetUtcNow();
        var statesTask = trust.ListAllAsync(cancellationToken);
        var pactsTask = pacts.ListCurrentAsync(cancellationToken);
        var states = await statesTask.ConfigureAwait(false);
        var current = await pactsTask.ConfigureAwait(false);
        var evidence = Domain.Lanes.Lanes.All.Select(lane => new LaneEvidence(
            lane,
            [.. states.Select(s => s.State).Where(s => s.Lane == lane).Select(s => TrustScoring.Score(s, asOf, parameters))],
            [.. current.Where(p => p.Pact.Lane == lane).Select(p => p.Pact)],
            ErrorBudgetLeft: null));
        return (asOf, LaneRanking.Rank(evidence, parameters, policy));
    }
}
