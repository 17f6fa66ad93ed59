using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Pacts;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Autonomy;

public sealed class DownsideDecisionTests
{
    static Pact PactWithDownside(DownsideRequirement? high = null) => Samples.ClassificationPact() with
    {
        Clauses = [new PactClause("category-required", "has(action.category) && size(action.category) > 0", ClauseSeverity.Major)],
        Downside = new DownsidePolicy(
            [
                new DownsideRule("p1-reclassification", "action.priority == 1", DownsideLevel.High),
                new DownsideRule("p2", "action.priority == 2", DownsideLevel.Medium),
            ],
            Medium: new DownsideRequirement(MinLowerBound: 0.7),
            High: high),
    };

    static AutonomyStanding Standing(AutonomyTier tier, double bound = 0.9, bool exhausted = false) => new(tier, bound, bound, exhausted, "test");

    static Decision Decide(Pact pact, int priority, double confidence, AutonomyStanding? standing)
    {
        var action = Samples.Classify(priority, confidence);
        var evaluation = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(action, Samples.Now));
        return DecisionPolicy.Decide(pact, evaluation, action, standing: standing);
    }

    [Fact]
    public void Evaluate_DownsideRules_RateTheActionByTheHighestMatchingRule()
    {
        var compiled = CelPactCompiler.CompileUncached(PactWithDownside());

        var p1 = compiled.Evaluate(EvaluationInput.For(Samples.Classify(1, 0.99), Samples.Now));
        var p3 = compiled.Evaluate(EvaluationInput.For(Samples.Classify(3, 0.99), Samples.Now));

        Assert.Equal((DownsideLevel.High, "p1-reclassification"), (p1.Downside, p1.DownsideRule));
        Assert.Equal((DownsideLevel.Low, (string?)null), (p3.Downside, p3.DownsideRule));
    }

    [Fact]
    public void Evaluate_DownsideRuleThatCannotBeEvaluated_RatesHigh()
    {
        var pact = PactWithDownside() with
        {
            ActionSchema = new Dictionary<string, FieldType> { ["priority"] = FieldType.Integer, ["category"] = FieldType.String, ["impact"] = FieldType.Integer },
            Downside = new DownsidePolicy([new DownsideRule("wide-impact", "action.impact == 1", DownsideLevel.Medium)]),
        };

        var evaluation = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(Samples.Classify(3, 0.99), Samples.Now));

        Assert.Equal(DownsideLevel.High, evaluation.Downside);
    }

    [Fact]
    public void Decide_HighDownsideAtFullConfidence_NeedsAHuman()
    {
        var decision = Decide(PactWithDownside(), 1, 0.99, Standing(AutonomyTier.Autonomous, 0.99));

        Assert.Equal(DecisionKind.RequireApproval, decision.Kind);
        Assert.Contains(decision.Reasons, r => r.Contains("high downside", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_MediumDownside_NeedsTheStatedTrust()
    {
        Assert.Equal(DecisionKind.RequireApproval, Decide(PactWithDownside(), 2, 0.99, Standing(AutonomyTier.Autonomous, 0.5)).Kind);
        Assert.Equal(DecisionKind.AutoApply, Decide(PactWithDownside(), 2, 0.99, Standing(AutonomyTier.Autonomous, 0.75)).Kind);
        Assert.Equal(DecisionKind.RequireApproval, Decide(PactWithDownside(), 2, 0.99, standing: null).Kind);
    }

    [Fact]
    public void Decide_LiveTierOverridesThePactsStartingTier()
    {
        var pact = PactWithDownside();

        Assert.Equal(DecisionKind.AutoApply, Decide(pact, 3, 0.99, standing: null).Kind);
        Assert.Equal(DecisionKind.RequireApproval, Decide(pact, 3, 0.99, Standing(AutonomyTier.Supervised)).Kind);
        Assert.Equal(DecisionKind.Shadow, Decide(pact, 3, 0.99, Standing(AutonomyTier.Shadow)).Kind);
        Assert.Equal(DecisionKind.Block, Decide(pact, 3, 0.99, Standing(AutonomyTier.Suspended)).Kind);
        Assert.Equal(AutonomyTier.Shadow, Decide(pact, 3, 0.99, Standing(AutonomyTier.Shadow)).Tier);
    }

    [Fact]
    public void Decide_ShadowOrSupervisedWithAViolation_StillBlocks()
    {
        var pact = PactWithDownside();
        var action = Samples.Classify(3, 0.99) with { Fields = System.Text.Json.JsonDocument.Parse("{\"priority\":3,\"category\":\"\"}").RootElement };
        var evaluation = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(action, Samples.Now));

        Assert.Equal(DecisionKind.Block, DecisionPolicy.Decide(pact, evaluation, action, standing: Standing(AutonomyTier.Shadow)).Kind);
        Assert.Equal(DecisionKind.Block, DecisionPolicy.Decide(pact, evaluation, action, standing: Standing(AutonomyTier.Supervised)).Kind);
    }

    [Fact]
    public void Decide_DaysAutonomousActionsSpent_NeedsApprovalForEverything()
    {
        var decision = Decide(PactWithDownside(), 3, 0.99, Standing(AutonomyTier.Autonomous, exhausted: true));

        Assert.Equal(DecisionKind.RequireApproval, decision.Kind);
        Assert.Contains(decision.Reasons, r => r.Contains("autonomous actions for the day are spent", StringComparison.Ordinal));
    }
}
