using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Trust;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>GET /api/agents/{agent}/trust</c>, the trust oracle: per lane, the conduct and outcome scores (mean, lower
/// bound, Beta parameters, evidence), their trend and divergence, and the newest trust changes behind them with
/// their evidence records. An agent with no evidence gets an empty list and the prior every new agent starts at.
/// </summary>
public sealed class GetTrustHandler(TrustEngine trust, IOptions<TrustOptions> options, TimeProvider time)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = request.RouteValue("agent") ?? string.Empty;
        if (!ProposedActionValidator.IdentifierPattern().IsMatch(agent))
        {
            return Problems.NotFound(request, $"There is no agent '{agent}'.");
        }

        var lanes = await trust.ReadAsync(agent, options.Value.RecentChanges, cancellationToken).ConfigureAwait(false);
        var parameters = trust.Parameters;
        var now = time.GetUtcNow();
        return ApiResponse.Json(200, new
        {
            agentId = agent,
            asOf = now,
            model = new
            {
                parameters.HalfLifeDays,
                parameters.TrendHalfLifeDays,
                parameters.PriorAlpha,
                parameters.PriorBeta,
                parameters.LossMultiplier,
                parameters.VersionDiscount,
                parameters.Z,
                parameters.AttributionWindowDays,
            },
            prior = TrustScoring.Score(BetaEvidence.Empty, now, parameters),
            lanes = lanes.Select(l => new
            {
                lane = l.Score.Lane,
                conduct = l.Score.Conduct,
                outcome = l.Score.Outcome,
                divergence = l.Score.Divergence,
                version = l.Score.Version,
                lastEventAt = l.Score.LastEventAt,
                changes = l.Recent.Select(s => new
                {
                    signalId = s.SignalId,
                    dimension = s.Dimension.ToString().ToLowerInvariant(),
                    gain = s.Gain,
                    loss = s.Loss,
                    occurredAt = s.OccurredAt,
                    reason = s.Reason,
                    actionId = s.ActionId,
                    evidence = EvidenceRecordNames.For(s.AgentId, TrustEvidence.ChainId(s), 0, EvidenceKinds.TrustChange),
                    action = s.ActionId is { } id && id.StartsWith("act-", StringComparison.Ordinal) ? $"/api/actions/{id}" : null,
                }),
            }),
        });
    }
}
