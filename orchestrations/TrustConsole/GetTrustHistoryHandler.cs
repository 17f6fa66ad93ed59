using System.Globalization;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Trust;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// <c>GET /api/agents/{agent}/trust/history?lane=&amp;points=</c>: both scores (mean and lower bound) over time in one lane,
/// for the console's charts. The lane's applied trust signals (each one a trust-change evidence record) are folded in
/// event-time order with the same <see cref="TrustFold"/> the scores use, and the curve is sampled to at most
/// <c>points</c> points (2..500, default 120), the last one being now. Changes nothing.
/// </summary>
public sealed class GetTrustHistoryHandler(ITrustStore store, TrustEngine trust, ConsoleSignIn signIn, IOptions<ConsoleOptions> options, TimeProvider time)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (signIn.RefuseAnonymousRead(request) is { } refused)
        {
            return refused;
        }

        var agent = request.RouteValue("agent") ?? string.Empty;
        if (!ProposedActionValidator.IdentifierPattern().IsMatch(agent))
        {
            return Problems.NotFound(request, $"There is no agent '{agent}'.");
        }

        var errors = new List<FieldError>();
        var lane = request.Query("lane");
        if (lane is null || !ProposedActionValidator.IdentifierPattern().IsMatch(lane))
        {
            errors.Add(new FieldError("lane", "is required: a lane id"));
        }

        var points = 120;
        if (request.Query("points") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out points) || points < 2 || points > 500))
        {
            errors.Add(new FieldError("points", "must be a whole number from 2 to 500"));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, "The query has errors.", errors);
        }

        var state = await store.GetAsync(agent, lane!, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return Problems.NotFound(request, $"Agent '{agent}' has no trust evidence in lane '{lane}'.");
        }

        var max = options.Value.HistoryMaxSignals;
        var signals = await store.RecentSignalsAsync(agent, lane!, max, cancellationToken).ConfigureAwait(false);
        var ordered = signals.OrderBy(s => s.OccurredAt).ThenBy(s => s.SignalId, StringComparer.Ordinal).ToList();
        var parameters = trust.Parameters;
        var curve = new List<object>();
        var folded = TrustState.New(agent, lane!);
        // Every k-th signal becomes a point, so a lane with 20,000 signals still draws in a few hundred.
        var step = Math.Max(1, (int)Math.Ceiling(ordered.Count / (double)(points - 1)));
        for (var i = 0; i < ordered.Count; i++)
        {
            folded = TrustFold.Apply(folded, ordered[i], parameters);
            if ((i + 1) % step == 0 || i == ordered.Count - 1)
            {
                curve.Add(Point(TrustScoring.Score(folded, ordered[i].OccurredAt, parameters), ordered[i].OccurredAt, folded.Events));
            }
        }

        var now = time.GetUtcNow();
        // The stored state is the truth (a recomputation may have replaced it); the last point is it, decayed to now.
        curve.Add(Point(TrustScoring.Score(state, now, parameters), now, state.Events));
        return ApiResponse.Json(200, new
        {
            agentId = agent,
            lane,
            asOf = now,
            signals = ordered.Count,
            // Only the newest signals were folded: the start of the curve lacks the older evidence.
            partial = signals.Count >= max,
            points = curve,
        });
    }

    static object Point(TrustScore score, DateTimeOffset at, long events) => new
    {
        at,
        events,
        conduct = new { mean = score.Conduct.Mean, lowerBound = score.Conduct.LowerBound },
        outcome = new { mean = score.Outcome.Mean, lowerBound = score.Outcome.LowerBound },
    };
}
