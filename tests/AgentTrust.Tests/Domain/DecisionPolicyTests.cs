using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Pacts;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Domain;

public sealed class DecisionPolicyTests
{
    static readonly CelPactCompiler Compiler = new();

    static Decision Decide(Pact pact, ProposedAction action)
    {
        var evaluation = Compiler.Compile(pact).Evaluate(EvaluationInput.For(action, Samples.Now));
        return DecisionPolicy.Decide(pact, evaluation, action);
    }

    [Fact]
    public void Decide_ActionKeepsEveryClause_AutoApplies()
    {
        var decision = Decide(Samples.ClassificationPact(), Samples.Classify(priority: 3, confidence: 0.95));

        Assert.Equal(DecisionKind.AutoApply, decision.Kind);
    }

    [Fact]
    public void Decide_CriticalClauseBroken_Blocks()
    {
        var decision = Decide(Samples.ClassificationPact(), Samples.Classify(priority: 1, confidence: 0.99));

        Assert.Equal(DecisionKind.Block, decision.Kind);
        Assert.Contains(decision.Reasons, r => r.Contains("priority-not-raised-to-p1", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_LowConfidence_RequiresApproval()
    {
        var decision = Decide(Samples.ClassificationPact(), Samples.Classify(priority: 3, confidence: 0.4));

        Assert.Equal(DecisionKind.RequireApproval, decision.Kind);
        Assert.Contains(decision.Reasons, r => r.Contains("confidence 0.4", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_ActionTypeNotAllowed_Blocks()
    {
        var action = Samples.Classify(priority: 3, confidence: 0.99) with { ActionType = "close" };

        var decision = Decide(Samples.ClassificationPact(), action);

        Assert.Equal(DecisionKind.Block, decision.Kind);
    }

    [Fact]
    public void Decide_ShadowTierWithViolation_StillBlocks()
    {
        var pact = Samples.ClassificationPact() with { Autonomy = new AutonomyPolicy(AutonomyTier.Shadow) };

        Assert.Equal(DecisionKind.Block, Decide(pact, Samples.Classify(priority: 1, confidence: 0.99)).Kind);
        Assert.Equal(DecisionKind.Shadow, Decide(pact, Samples.Classify(priority: 3, confidence: 0.99)).Kind);
    }

    [Fact]
    public void Decide_MissingFieldInExpression_NeverPasses()
    {
        var action = Samples.Classify(priority: 3, confidence: 0.99) with { Fields = JsonDocument.Parse("{}").RootElement };

        var decision = Decide(Samples.ClassificationPact(), action);

        Assert.NotEqual(DecisionKind.AutoApply, decision.Kind);
    }
}
