using AgentTrust.Orchestrations.Trust;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Trust;

public sealed class TrustModelTests
{
    static readonly TrustParameters P = TrustParameters.Default;
    static readonly DateTimeOffset T0 = Samples.Now;

    static TrustSignal Conduct(int i, double gain, double loss, DateTimeOffset at, string? version = "v1", string agent = "agent-a", string lane = "incident-routing") =>
        new($"conduct:{i}", agent, lane, TrustDimension.Conduct, gain, loss, at, "test", version, $"act-{i}");

    static TrustSignal Outcome(int i, double gain, double loss, DateTimeOffset at, string agent = "agent-a", string lane = "incident-routing") =>
        new($"outcome:{i}", agent, lane, TrustDimension.Outcome, gain, loss, at, "test", null, $"act-{i}");

    static TrustState Fold(IEnumerable<TrustSignal> signals) =>
        signals.Aggregate(TrustState.New("agent-a", "incident-routing"), (s, x) => TrustFold.Apply(s, x, P));

    [Fact]
    public void Score_NewAgent_IsNotTrusted()
    {
        var score = TrustScoring.Score(TrustState.New("agent-a", "incident-routing"), T0, P);

        Assert.Equal(0.5, score.Conduct.Mean, 6);
        Assert.True(score.Conduct.LowerBound < 0.1, $"lower bound {score.Conduct.LowerBound}");
        Assert.True(score.Outcome.LowerBound < 0.1);
    }

    [Fact]
    public void Score_ManyGoodDecisions_RaisesLowerBoundAboveFewGood()
    {
        var few = TrustScoring.Score(Fold(Enumerable.Range(0, 3).Select(i => Conduct(i, 1, 0, T0.AddMinutes(i)))), T0.AddHours(1), P);
        var many = TrustScoring.Score(Fold(Enumerable.Range(0, 200).Select(i => Conduct(i, 1, 0, T0.AddMinutes(i)))), T0.AddHours(4), P);

        Assert.True(many.Conduct.LowerBound > 0.9, $"many: {many.Conduct.LowerBound}");
        Assert.True(few.Conduct.LowerBound < many.Conduct.LowerBound - 0.3, $"few: {few.Conduct.LowerBound}");
    }

    [Fact]
    public void Apply_OneLossAndOneGain_LossWeighsMore()
    {
        var state = Fold([Conduct(1, 1, 0, T0), Conduct(2, 0, 1, T0)]);
        var score = TrustScoring.Score(state, T0, P);

        Assert.Equal(P.PriorBeta + P.LossMultiplier, score.Conduct.Beta, 6);
        Assert.True(score.Conduct.Mean < 0.5, $"mean {score.Conduct.Mean}");
    }

    [Fact]
    public void FromDecision_CriticalViolation_CountsSeveralLosses()
    {
        var evaluation = new PactEvaluation("sha256:p", 1, true, [
            new ClauseResult("no-prod-change", ClauseOutcome.Violated, ClauseSeverity.Critical),
            new ClauseResult("minor-style", ClauseOutcome.Passed, ClauseSeverity.Minor)]);
        var minor = new PactEvaluation("sha256:p", 1, true, [new ClauseResult("minor-style", ClauseOutcome.Violated, ClauseSeverity.Minor)]);

        var critical = TrustSignals.FromDecision("act-1", "agent-a", "change-risk", evaluation, null, T0, P);
        var small = TrustSignals.FromDecision("act-2", "agent-a", "change-risk", minor, null, T0, P);

        Assert.Equal(0, critical.Gain);
        Assert.True(critical.Loss >= 3 * small.Loss, $"critical {critical.Loss} vs minor {small.Loss}");
        Assert.Contains("no-prod-change (critical)", critical.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDecision_JuryFailedClause_IsALossAndCleanDecisionIsAGain()
    {
        var evaluation = new PactEvaluation("sha256:p", 1, true, [new ClauseResult("rationale", ClauseOutcome.Deferred, ClauseSeverity.Major)]);
        var fail = new JuryResult("rationale", JuryOutcome.Fail, 1, 1, -1, 3, "all failed", [], new Dictionary<string, double>());
        var pass = fail with { Outcome = JuryOutcome.Pass };

        var failed = TrustSignals.FromDecision("act-1", "agent-a", "incident-routing", evaluation, [fail], T0, P);
        var passed = TrustSignals.FromDecision("act-2", "agent-a", "incident-routing", evaluation, [pass], T0, P);

        Assert.Equal(P.SeverityWeight(ClauseSeverity.Major), failed.Loss);
        Assert.Equal((1.0, 0.0), (passed.Gain, passed.Loss));
        Assert.Equal("sha256:p", passed.Version);
    }

    [Fact]
    public void Score_HalfLifeLater_EvidenceHalved()
    {
        var state = Fold([Conduct(1, 10, 0, T0)]);

        var now = TrustScoring.Score(state, T0, P);
        var later = TrustScoring.Score(state, T0.AddDays(P.HalfLifeDays), P);

        Assert.Equal(10, now.Conduct.Evidence, 6);
        Assert.Equal(5, later.Conduct.Evidence, 6);
        Assert.True(later.Conduct.LowerBound < now.Conduct.LowerBound);
    }

    [Fact]
    public void Apply_NewPactVersion_DiscountsEarlierEvidence()
    {
        var good = Enumerable.Range(0, 50).Select(i => Conduct(i, 1, 0, T0.AddMinutes(i))).ToList();
        var same = TrustScoring.Score(Fold([.. good, Conduct(99, 1, 0, T0.AddHours(2), "v1")]), T0.AddHours(2), P);
        var changed = TrustScoring.Score(Fold([.. good, Conduct(99, 1, 0, T0.AddHours(2), "v2")]), T0.AddHours(2), P);

        Assert.Equal("v2", changed.Version);
        Assert.True(changed.Conduct.LowerBound < same.Conduct.LowerBound, $"{changed.Conduct.LowerBound} vs {same.Conduct.LowerBound}");
        Assert.Equal(((same.Conduct.Evidence - 1) * P.VersionDiscount) + 1, changed.Conduct.Evidence, 5);
    }

    [Fact]
    public void Apply_LateOutcome_DecayedToItsOwnTime()
    {
        var state = Fold([Outcome(1, 1, 0, T0.AddDays(P.HalfLifeDays)), Outcome(2, 0, 1, T0)]);

        Assert.Equal(1, state.Outcome.Positive, 9);
        Assert.Equal(P.LossMultiplier * 0.5, state.Outcome.Negative, 9);
        Assert.Equal(T0.AddDays(P.HalfLifeDays), state.Outcome.AnchorAt);
    }

    [Fact]
    public void FoldAll_ShuffledIncrementalOrder_EqualsRecomputation()
    {
        var random = new Random(7);
        var signals = Enumerable.Range(0, 2_000).Select(i => i % 3 == 0
                ? Outcome(i, random.NextDouble() < 0.8 ? 1 : 0, random.NextDouble() < 0.2 ? 2 : 0, T0.AddHours(random.Next(0, 2_000)))
                : Conduct(i, 1, random.NextDouble() < 0.1 ? 3 : 0, T0.AddHours(i), version: i < 1_000 ? "v1" : "v2"))
            .ToList();
        var arrival = signals.OrderBy(_ => random.Next()).ToList();

        var incremental = Fold(signals.OrderBy(s => s.OccurredAt).ThenBy(s => s.SignalId, StringComparer.Ordinal));
        // Decisions arrive in order; outcomes arrive whenever, many late.
        var shuffledOutcomes = Fold(signals.Where(s => s.Dimension == TrustDimension.Conduct).Concat(arrival.Where(s => s.Dimension == TrustDimension.Outcome)));
        var recomputed = TrustFold.FoldAll(arrival.Concat(arrival.Take(100)), P)[("agent-a", "incident-routing")];

        Assert.True(TrustRecomputer.Same(incremental, recomputed), "in-order incremental differs from recomputation");
        Assert.True(TrustRecomputer.Same(shuffledOutcomes, recomputed), "late outcomes in arrival order differ from recomputation");
        Assert.Equal(2_000, recomputed.Events);
    }

    [Fact]
    public void FromOutcome_ReopenedAndResolved_WeighAgainstAndFor()
    {
        var reopened = TrustSignals.FromOutcome(new TicketOutcome("e1", "servicenow", "INC1", TicketOutcomeKind.Reopened, T0), "agent-a", "incident-routing", "act-1", P)!;
        var resolved = TrustSignals.FromOutcome(new TicketOutcome("e2", "servicenow", "INC1", TicketOutcomeKind.Resolved, T0), "agent-a", "incident-routing", "act-1", P)!;

        Assert.True(reopened.Loss > 0 && reopened.Gain == 0);
        Assert.True(resolved.Gain > 0 && resolved.Loss == 0);
        Assert.Equal("outcome:e1", reopened.SignalId);
        Assert.True(TrustSignals.IsAttributable(T0, T0.AddDays(P.AttributionWindowDays - 1), P));
        Assert.False(TrustSignals.IsAttributable(T0, T0.AddDays(P.AttributionWindowDays + 1), P));
        Assert.False(TrustSignals.IsAttributable(T0, T0.AddDays(-1), P));
    }

    [Fact]
    public void Score_RecentLossesAfterLongGoodRecord_TrendDeclining()
    {
        var good = Enumerable.Range(0, 100).Select(i => Conduct(i, 1, 0, T0.AddDays(i * 0.5)));
        var bad = Enumerable.Range(100, 10).Select(i => Conduct(i, 0, 1, T0.AddDays(50 + (i - 100))));
        var score = TrustScoring.Score(Fold(good.Concat(bad)), T0.AddDays(60), P);

        Assert.Equal("declining", score.Conduct.TrendDirection);
        Assert.True(score.Conduct.Trend < 0);
    }

    [Fact]
    public void Score_ConductGoodOutcomesBad_DivergenceVisible()
    {
        var state = Fold(Enumerable.Range(0, 30).SelectMany(i => new[] { Conduct(i, 1, 0, T0.AddHours(i)), Outcome(i, 0, 1, T0.AddHours(i)) }));
        var score = TrustScoring.Score(state, T0.AddDays(2), P);

        Assert.True(score.Divergence > 0.5, $"divergence {score.Divergence}");
    }
}
