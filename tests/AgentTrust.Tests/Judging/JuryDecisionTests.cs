using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Judging;

public sealed class JuryDecisionTests
{
    static readonly CelPactCompiler Compiler = new();

    static Pact JudgedPact() => Samples.ClassificationPact() with { Clauses = [.. Samples.ClassificationPact().Clauses, JudgeSamples.ClassificationConsistent] };

    static Decision Decide(JuryOutcome? outcome)
    {
        var pact = JudgedPact();
        var action = Samples.Classify(priority: 3, confidence: 0.95);
        var evaluation = Compiler.Compile(pact).Evaluate(EvaluationInput.For(action, Samples.Now));
        IReadOnlyList<JuryResult>? juries = outcome is null ? null :
            [new JuryResult(JudgeSamples.ClassificationConsistent.Id, outcome.Value, 1, 1, outcome == JuryOutcome.Fail ? -1 : 1, 3, "jury said so", [], new Dictionary<string, double>())];
        return DecisionPolicy.Decide(pact, evaluation, action, juries);
    }

    [Fact]
    public void Decide_JuryPassesJudgedClause_AutoApplies() => Assert.Equal(DecisionKind.AutoApply, Decide(JuryOutcome.Pass).Kind);

    [Fact]
    public void Decide_JuryFailsMajorJudgedClause_Blocks()
    {
        var decision = Decide(JuryOutcome.Fail);

        Assert.Equal(DecisionKind.Block, decision.Kind);
        Assert.Contains(decision.Reasons, r => r.Contains("classification-consistent", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_JuryUncertain_RequiresApproval()
    {
        var decision = Decide(JuryOutcome.Uncertain);

        Assert.Equal(DecisionKind.RequireApproval, decision.Kind);
        Assert.Contains(decision.Reasons, r => r.Contains("jury is uncertain", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_NoJury_RequiresApproval() => Assert.Equal(DecisionKind.RequireApproval, Decide(null).Kind);
}
