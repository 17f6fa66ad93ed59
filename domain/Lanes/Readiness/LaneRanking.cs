using System.Globalization;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Domain.Lanes.Readiness;

/// <summary>
/// Ranks lanes by trust readiness (how much evidence, how good its lower bounds, how stable) times downside
/// containment (how little an unnoticed mistake can reach), and recommends per lane: widen, hold or constrain,
/// with the reasons. A pure function: the same evidence, pacts and policy always give the same ranking.
/// </summary>
public static class LaneRanking
{
    public static IReadOnlyList<LaneReadiness> Rank(IEnumerable<LaneEvidence> lanes, TrustParameters parameters, LaneRankingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(policy);
        var assessed = lanes
            .Select(lane => Assess(lane, parameters, policy))
            .OrderByDescending(a => a.Score)
            .ThenByDescending(a => a.Trust.EvidenceMass)
            .ThenBy(a => LaneOrder(a.Lane))
            .ThenBy(a => a.Lane, StringComparer.Ordinal)
            .ToList();
        var next = assessed.FindIndex(a => a.Recommendation == LaneRecommendation.Widen);
        return [.. assessed.Select((a, i) => a with { Rank = i + 1, WidenNext = i == next })];
    }

    /// <summary>The lanes' pooled trust evidence. Agents are pooled by adding their Beta evidence (the prior once).</summary>
    public static TrustReadiness Pool(IReadOnlyList<TrustScore> scores, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(parameters);
        var (conductMean, conductBound) = Pooled(scores.Select(s => s.Conduct), parameters);
        var (outcomeMean, outcomeBound) = Pooled(scores.Select(s => s.Outcome), parameters);
        var worstTrend = Math.Min(0, scores.SelectMany(s => new[] { Trend(s.Conduct), Trend(s.Outcome) }).DefaultIfEmpty(0).Min());
        var events = scores.Sum(s => s.Conduct.Events + s.Outcome.Events);
        var divergence = events == 0 ? 0 : conductMean - outcomeMean;
        // Stability: a decline costs twice its size, a disagreement between conduct and outcome its size.
        var stability = Math.Clamp(1 - (2 * -worstTrend) - Math.Abs(divergence), 0, 1);
        var readiness = Math.Sqrt(conductBound * outcomeBound) * stability;
        return new TrustReadiness(
            scores.Count(s => s.Conduct.Events + s.Outcome.Events > 0), events, Round(scores.Sum(s => s.Conduct.Evidence + s.Outcome.Evidence)),
            Round(conductMean), Round(conductBound), Round(outcomeMean), Round(outcomeBound), Round(worstTrend), Round(divergence), Round(stability), Round(readiness));
    }

    static LaneReadiness Assess(LaneEvidence lane, TrustParameters parameters, LaneRankingPolicy policy)
    {
        var trust = Pool(lane.Scores, parameters);
        var downside = lane.Pacts.Select(PactDownside.Assess).OrderBy(d => d.Containment).ThenBy(d => d.AgentId, StringComparer.Ordinal).FirstOrDefault();
        double? budget = lane.ErrorBudgetLeft is { } b ? Math.Clamp(b, 0, 1) : null;
        var containment = downside?.Containment ?? 0;
        if (budget is { } left)
        {
            // A spent budget halves containment: the lane has already used the room it was given.
            containment *= 0.5 + (0.5 * left);
        }

        var reasons = new List<string>();
        var recommendation = Recommend(lane, trust, downside, budget, containment, policy, reasons);
        return new LaneReadiness(0, lane.Lane, recommendation, false, Round(trust.Readiness * containment), trust, downside, budget, reasons);
    }

    static LaneRecommendation Recommend(
        LaneEvidence lane, TrustReadiness trust, DownsideProfile? downside, double? budget, double containment, LaneRankingPolicy policy, List<string> reasons)
    {
        var constrain = new List<string>();
        var blockers = new List<string>();
        if (downside is null)
        {
            blockers.Add("no pact governs the lane: nothing to widen");
        }
        else if (downside.Tier is Pacts.AutonomyTier.Suspended)
        {
            blockers.Add("the lane's agent is suspended");
        }

        if (budget is <= 0)
        {
            constrain.Add("the error budget is spent");
        }

        if (trust.Events >= policy.MinEventsToConstrain)
        {
            if (trust.ConductMean < policy.ConstrainMean)
            {
                constrain.Add(F($"conduct score {trust.ConductMean:0.00} is below {policy.ConstrainMean:0.00} over {trust.Events} signals"));
            }

            if (trust.OutcomeMean < policy.ConstrainMean && OutcomeEvents(lane) > 0)
            {
                constrain.Add(F($"outcome score {trust.OutcomeMean:0.00} is below {policy.ConstrainMean:0.00}: its work does not hold"));
            }

            if (Math.Abs(trust.Divergence) > policy.ConstrainDivergence && OutcomeEvents(lane) > 0)
            {
                constrain.Add(F($"conduct and outcome disagree by {trust.Divergence:+0.00;-0.00}: the pact does not measure what goes wrong"));
            }
        }

        if (-trust.WorstTrend > policy.ConstrainTrend)
        {
            constrain.Add(F($"an agent's score is declining ({trust.WorstTrend:+0.00;-0.00} recently)"));
        }

        if (constrain.Count > 0)
        {
            reasons.AddRange(constrain);
            return LaneRecommendation.Constrain;
        }

        if (trust.Events < policy.MinEventsToWiden)
        {
            blockers.Add(F($"{trust.Events} signals, {policy.MinEventsToWiden} needed before widening"));
        }

        if (trust.ConductLowerBound < policy.WidenLowerBound)
        {
            blockers.Add(F($"conduct lower bound {trust.ConductLowerBound:0.00} is below {policy.WidenLowerBound:0.00}"));
        }

        if (trust.OutcomeLowerBound < policy.WidenLowerBound)
        {
            blockers.Add(OutcomeEvents(lane) == 0
                ? "no outcomes yet: nothing shows the work holds"
                : F($"outcome lower bound {trust.OutcomeLowerBound:0.00} is below {policy.WidenLowerBound:0.00}"));
        }

        if (Math.Abs(trust.Divergence) > policy.MaxDivergenceToWiden)
        {
            blockers.Add(F($"conduct and outcome disagree by {trust.Divergence:+0.00;-0.00}"));
        }

        if (downside is not null && containment < policy.MinContainmentToWiden)
        {
            blockers.Add(F($"downside containment {containment:0.00} is below {policy.MinContainmentToWiden:0.00}") + Exposure(downside));
        }

        if (blockers.Count > 0)
        {
            reasons.AddRange(blockers);
            return LaneRecommendation.Hold;
        }

        reasons.Add(F($"{trust.Events} signals; lower bounds conduct {trust.ConductLowerBound:0.00}, outcome {trust.OutcomeLowerBound:0.00}; stability {trust.Stability:0.00}"));
        reasons.Add(F($"downside contained ({containment:0.00})") + Exposure(downside!));
        return LaneRecommendation.Widen;
    }

    static string Exposure(DownsideProfile downside)
    {
        var parts = new List<string>();
        parts.Add(downside.ActionsPerHour is { } rate ? F($"{rate:0} actions/h") : "no rate limit");
        parts.Add(downside.BlastRadiusCapped ? "blast radius capped" : "no blast-radius cap");
        if (downside.IrreversibleActions.Count > 0)
        {
            parts.Add("irreversible: " + string.Join(", ", downside.IrreversibleActions));
        }

        if (downside.ConsequencePaths == 0)
        {
            parts.Add("no consequence paths");
        }

        return ": " + string.Join("; ", parts);
    }

    static long OutcomeEvents(LaneEvidence lane) => lane.Scores.Sum(s => s.Outcome.Events);

    static (double Mean, double LowerBound) Pooled(IEnumerable<DimensionScore> scores, TrustParameters parameters)
    {
        double alpha = parameters.PriorAlpha, beta = parameters.PriorBeta;
        foreach (var score in scores)
        {
            alpha += Math.Max(0, score.Alpha - parameters.PriorAlpha);
            beta += Math.Max(0, score.Beta - parameters.PriorBeta);
        }

        return (alpha / (alpha + beta), TrustScoring.LowerBound(alpha, beta, parameters.Z));
    }

    static double Trend(DimensionScore score) => score.Events == 0 ? 0 : score.Trend;

    static int LaneOrder(string lane)
    {
        var index = Lanes.All.ToList().IndexOf(lane);
        return index < 0 ? int.MaxValue : index;
    }

    static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToEven);
}
