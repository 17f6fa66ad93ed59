using AgentTrust.Orchestrations.Lanes;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>GET /api/lanes/ranking</c>: the ten lanes ranked by trust readiness times downside containment, each with a
/// recommendation (widen, hold, constrain), the reasons, the pooled trust evidence and the pact's downside; the
/// thresholds used are returned with it (docs/lanes.md).
/// </summary>
public sealed class GetLaneRankingHandler(LaneRankingService ranking)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (asOf, lanes) = await ranking.RankAsync(cancellationToken).ConfigureAwait(false);
        return ApiResponse.Json(200, new
        {
            asOf,
            policy = ranking.Policy,
            widenNext = lanes.FirstOrDefault(l => l.WidenNext)?.Lane,
            constrain = lanes.Where(l => l.Recommendation == Domain.Lanes.Readiness.LaneRecommendation.Constrain).Select(l => l.Lane),
            lanes,
        });
    }
}
