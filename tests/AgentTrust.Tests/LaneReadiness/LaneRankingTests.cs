using LaneIds = AgentTrust.Domain.Lanes.Lanes;
using AgentTrust.Domain.Lanes.Readiness;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.Tests.Pacts;

namespace AgentTrust.Tests.LaneReadiness;

/// <summary>The lane ranking over real folded trust states and the ten shipped pacts.</summary>
public sealed class LaneRankingTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    static readonly TrustParameters P = TrustParameters.Default;

    static Pact ShippedPact(string lane) => PactLoader.LoadFile(PactFiles.PathOf($"{lane}.pact.yaml")).Pact!;

    /// <summary>Folds <paramref name="good"/> passing decisions and resolved outcomes, then <paramref name="bad"/> violations and reopenings, one an hour.</summary>
    static TrustScore Score(string agent, string lane, int good, int bad, int outcomesGood = -1, int outcomesBad = -1)
    {
        outcomesGood = outcomesGood < 0 ? good : outcomesGood;
        outcomesBad = outcomesBad < 0 ? bad : outcomesBad;
        var state = TrustState.New(agent, lane);
        var at = T0;
        var n = 0;
        void Apply(TrustDimension dimension, double gain, double loss)
        {
            at = at.AddHours(1);
            state = TrustFold.Apply(state, new TrustSignal($"s{n++}", agent, lane, dimension, gain, loss, at, "test", "v1"), P);
        }

        for (var i = 0; i < good; i++)
        {
            Apply(TrustDimension.Conduct, 1, 0);
        }

        for (var i = 0; i < outcomesGood; i++)
        {
            Apply(TrustDimension.Outcome, 1, 0);
        }

        for (var i = 0; i < bad; i++)
        {
            Apply(TrustDimension.Conduct, 0, P.SeverityWeight(ClauseSeverity.Major) * P.LossMultiplier);
        }

        for (var i = 0; i < outcomesBad; i++)
        {
            Apply(TrustDimension.Outcome, 0, 2 * P.LossMultiplier);
        }

        return TrustScoring.Score(state, at, P);
    }

    static LaneEvidence Lane(string lane, params TrustScore[] scores) => new(lane, scores, [ShippedPact(lane)]);

    [Fact]
    public void Rank_TenShippedLanesWithoutEvidence_AllHoldAndNoneWidensNext()
    {
        var ranking = LaneRanking.Rank(LaneIds.All.Select(l => Lane(l)), P, LaneRankingPolicy.Default);

        Assert.Equal(10, ranking.Count);
        Assert.Equal(Enumerable.Range(1, 10), ranking.Select(r => r.Rank));
        Assert.All(ranking, r => Assert.Equal(LaneRecommendation.Hold, r.Recommendation));
        Assert.DoesNotContain(ranking, r => r.WidenNext);
        Assert.All(ranking, r => Assert.Contains(r.Reasons, reason => reason.Contains("0 signals", StringComparison.Ordinal)));
    }

    [Fact]
    public void Rank_ManyGoodSignalsInContainedLane_WidensNextAheadOfThinEvidence()
    {
        var strong = Lane(LaneIds.ChangeRiskWarning, Score("change-risk-01", LaneIds.ChangeRiskWarning, 120, 0));
        var thin = Lane(LaneIds.ProblemTriage, Score("problem-01", LaneIds.ProblemTriage, 5, 0));

        var ranking = LaneRanking.Rank([thin, strong], P, LaneRankingPolicy.Default);

        var first = ranking[0];
        Assert.Equal(LaneIds.ChangeRiskWarning, first.Lane);
        Assert.Equal(LaneRecommendation.Widen, first.Recommendation);
        Assert.True(first.WidenNext);
        Assert.True(first.Trust.ConductLowerBound >= 0.8);
        Assert.Equal(LaneRecommendation.Hold, ranking[1].Recommendation);
        Assert.Contains(ranking[1].Reasons, r => r.Contains("needed before widening", StringComparison.Ordinal));
        Assert.True(first.Score > ranking[1].Score);
    }

    [Fact]
    public void Rank_PoorOutcomesWithGoodConduct_ConstrainsNamingTheDivergence()
    {
        var lane = Lane(LaneIds.IncidentClassification, Score("classifier-01", LaneIds.IncidentClassification, 40, 0, outcomesGood: 5, outcomesBad: 20));

        var ranked = Assert.Single(LaneRanking.Rank([lane], P, LaneRankingPolicy.Default));

        Assert.Equal(LaneRecommendation.Constrain, ranked.Recommendation);
        Assert.False(ranked.WidenNext);
        Assert.Contains(ranked.Reasons, r => r.Contains("outcome score", StringComparison.Ordinal));
        Assert.Contains(ranked.Reasons, r => r.Contains("disagree", StringComparison.Ordinal));
        Assert.True(ranked.Trust.Divergence > 0.3);
    }

    [Fact]
    public void Rank_RecentDeclineAfterLongGoodRecord_Constrains()
    {
        var lane = Lane(LaneIds.KnowledgeResponse, Score("kb-01", LaneIds.KnowledgeResponse, 100, 12));

        var ranked = Assert.Single(LaneRanking.Rank([lane], P, LaneRankingPolicy.Default));

        Assert.True(ranked.Trust.WorstTrend < -0.1, $"trend {ranked.Trust.WorstTrend}");
        Assert.Equal(LaneRecommendation.Constrain, ranked.Recommendation);
        Assert.Contains(ranked.Reasons, r => r.Contains("declining", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_SpentErrorBudget_ConstrainsEvenWithGoodScores()
    {
        var lane = Lane(LaneIds.ChangeRiskWarning, Score("change-risk-01", LaneIds.ChangeRiskWarning, 120, 0)) with { ErrorBudgetLeft = 0 };

        var ranked = Assert.Single(LaneRanking.Rank([lane], P, LaneRankingPolicy.Default));

        Assert.Equal(LaneRecommendation.Constrain, ranked.Recommendation);
        Assert.Contains("the error budget is spent", ranked.Reasons);
    }

    [Fact]
    public void Rank_SameEvidenceWiderDownside_RanksTheContainedLaneFirst()
    {
        // Identical trust evidence: only the pacts differ. Stakeholder communication sends messages (irreversible) and
        // has no blast-radius cap; change-risk warnings are advisory, capped and have a consequence path.
        var evidence = Score("a", "x", 80, 0);
        var contained = Lane(LaneIds.ChangeRiskWarning, evidence with { Lane = LaneIds.ChangeRiskWarning });
        var exposed = Lane(LaneIds.StakeholderCommunication, evidence with { Lane = LaneIds.StakeholderCommunication });

        var ranking = LaneRanking.Rank([exposed, contained], P, LaneRankingPolicy.Default);

        Assert.Equal(LaneIds.ChangeRiskWarning, ranking[0].Lane);
        Assert.Equal(ranking[0].Trust, ranking[1].Trust);
        Assert.True(ranking[0].Downside!.Containment > ranking[1].Downside!.Containment);
        Assert.Contains("notify", ranking[1].Downside!.IrreversibleActions);
    }

    [Fact]
    public void Rank_NoPact_HoldsWithReason()
    {
        var lane = new LaneEvidence(LaneIds.AnomalyTriage, [Score("anomaly-01", LaneIds.AnomalyTriage, 100, 0)], []);

        var ranked = Assert.Single(LaneRanking.Rank([lane], P, LaneRankingPolicy.Default));

        Assert.Equal(LaneRecommendation.Hold, ranked.Recommendation);
        Assert.Null(ranked.Downside);
        Assert.Contains(ranked.Reasons, r => r.Contains("no pact", StringComparison.Ordinal));
    }

    [Fact]
    public void Pool_TwoAgents_LowerBoundTighterThanEitherAlone()
    {
        var one = Score("a", "l", 20, 0);
        var two = Score("b", "l", 20, 0);

        var pooled = LaneRanking.Pool([one, two], P);

        Assert.Equal(2, pooled.Agents);
        Assert.Equal(one.Conduct.Events + one.Outcome.Events + two.Conduct.Events + two.Outcome.Events, pooled.Events);
        Assert.True(pooled.ConductLowerBound > one.Conduct.LowerBound);
        Assert.True(pooled.ConductLowerBound > two.Conduct.LowerBound);
    }

    [Theory]
    [InlineData(AutonomyTier.Autonomous)]
    [InlineData(AutonomyTier.Supervised)]
    [InlineData(AutonomyTier.Shadow)]
    public void Assess_StricterTier_SmallerBlastRadius(AutonomyTier tier)
    {
        var pact = ShippedPact(LaneIds.WorkflowGovernance);
        var autonomous = PactDownside.Assess(pact with { Autonomy = pact.Autonomy with { Tier = AutonomyTier.Autonomous } });

        var assessed = PactDownside.Assess(pact with { Autonomy = pact.Autonomy with { Tier = tier } });

        Assert.True(autonomous.BlastRadius > 0);
        Assert.True(assessed.BlastRadius <= autonomous.BlastRadius);
        Assert.Equal(tier == AutonomyTier.Autonomous, assessed.BlastRadius == autonomous.BlastRadius);
        Assert.True(assessed.BlastRadiusCapped);
        Assert.Equal(300, assessed.ActionsPerHour);
        Assert.Contains("close", assessed.IrreversibleActions);
    }

    [Fact]
    public void Assess_NoRateLimit_FullExposure()
    {
        var pact = ShippedPact(LaneIds.ComplianceEvidence);

        var assessed = PactDownside.Assess(pact with { RateLimit = null, Clauses = [.. pact.Clauses.Where(c => !c.Id.Contains("blast-radius", StringComparison.Ordinal))] });

        Assert.Null(assessed.ActionsPerHour);
        Assert.Equal(1.0, assessed.BlastRadius);
    }
}
