using AgentTrust.Domain.Pacts;

namespace AgentTrust.Tests.Pacts;

public sealed class CelEvaluatorTests
{
    const string Typical = """{"priority":3,"score":0.85,"category":"Category 55","urgent":false,"kb_articles":["KB0010123","KB0010200"],"weights":[0.2,0.9],"start":"2026-11-26T22:00:00Z","affected_cis":4}""";

    [Theory]
    [InlineData("action.priority in [3, 4, 5]", ClauseOutcome.Passed)]
    [InlineData("action.priority in [1, 2]", ClauseOutcome.Violated)]
    [InlineData("action.priority == 3.0", ClauseOutcome.Passed)]
    [InlineData("action.score >= 0.8", ClauseOutcome.Passed)]
    [InlineData("action.score > 0.85", ClauseOutcome.Violated)]
    [InlineData("action.confidence >= 0.8", ClauseOutcome.Passed)]
    [InlineData("size(action.kb_articles) > 0", ClauseOutcome.Passed)]
    [InlineData("action.kb_articles.size() == 2", ClauseOutcome.Passed)]
    [InlineData("action.kb_articles.exists(k, k == 'KB0010200')", ClauseOutcome.Passed)]
    [InlineData("action.kb_articles.all(k, k.startsWith('KB'))", ClauseOutcome.Passed)]
    [InlineData("action.kb_articles.exists_one(k, k.endsWith('123'))", ClauseOutcome.Passed)]
    [InlineData("action.weights.filter(w, w > 0.5).size() == 1", ClauseOutcome.Passed)]
    [InlineData("action.weights.map(w, w * 2)[1] == 1.8", ClauseOutcome.Passed)]
    [InlineData("action.category.contains('55') && !action.urgent", ClauseOutcome.Passed)]
    [InlineData("action.category.matches('^Category [0-9]+$')", ClauseOutcome.Passed)]
    [InlineData("action.type != 'delete'", ClauseOutcome.Passed)]
    [InlineData("action.affected_cis <= 5", ClauseOutcome.Passed)]
    [InlineData("action.affected_cis * 2 + 1 - 1 == 8 && action.affected_cis / 2 == 2 && action.affected_cis % 3 == 1", ClauseOutcome.Passed)]
    [InlineData("action.start > context.now && action.start - context.now == duration('11h30m')", ClauseOutcome.Passed)]
    [InlineData("action.start.getHours() >= 20 || action.start.getHours() < 6", ClauseOutcome.Passed)]
    [InlineData("context.hour == 10 && context.weekday == 4", ClauseOutcome.Passed)]
    [InlineData("context.now < timestamp('2027-01-01T00:00:00Z')", ClauseOutcome.Passed)]
    [InlineData("has(action.category) && !has(action.missing_but_declared)", ClauseOutcome.Passed)]
    [InlineData("action.priority > 2 ? action.score > 0.5 : false", ClauseOutcome.Passed)]
    [InlineData("[action.priority, action.affected_cis] in [[3, 4], [2, 2]]", ClauseOutcome.Passed)]
    [InlineData("context.agent == 'agent-1' && context.lane == 'incident-classification'", ClauseOutcome.Passed)]
    [InlineData("ticket.system == 'servicenow' && ticket.id.startsWith('INC')", ClauseOutcome.Passed)]
    [InlineData("int('42') == 42 && double('0.5') == 0.5 && string(action.priority) == '3'", ClauseOutcome.Passed)]
    public void Evaluate_SupportedExpression_GivesExpectedOutcome(string condition, ClauseOutcome expected)
    {
        var pact = PactBuilder.With(("c", condition)) with
        {
            ActionSchema = new Dictionary<string, FieldType>(PactBuilder.Schema) { ["missing_but_declared"] = FieldType.String },
        };

        var result = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(PactBuilder.Action(Typical), PactBuilder.Now)).Clauses[0];

        Assert.True(expected == result.Outcome, $"{condition}: {result.Outcome} {result.Message}");
    }

    [Theory]
    [InlineData("action.nope > 1", "'action.nope' is not in the pact's actionSchema", 1)]
    [InlineData("action.priority > 'high'", "cannot order number and string", 17)]
    [InlineData("action.category == 3", "compares string with number", 17)]
    [InlineData("action.priority in ['a', 'b']", "can never be found", 17)]
    [InlineData("action.priority", "must give true or false", 1)]
    [InlineData("action.priority >", "the expression ends where a value was expected", 18)]
    [InlineData("frobnicate(action.priority)", "unknown function 'frobnicate'", 1)]
    [InlineData("action.category.matches('(')", "not a valid regular expression", 25)]
    [InlineData("context.now > timestamp('yesterday')", "not an RFC 3339 timestamp", 15)]
    [InlineData("action.kb_articles.exists(action, true)", "'action' is taken", 27)]
    [InlineData("foo.bar == 1", "unknown name 'foo'", 1)]
    [InlineData("context.tomorrow", "not a context field", 1)]
    [InlineData("action.kb_articles.all(a, action.kb_articles.all(b, action.kb_articles.exists(c, c == a + b)))", "nest at most 2 deep", 71)]
    public void Compile_BadExpression_IsRejectedWithColumn(string condition, string message, int column)
    {
        var errors = CelPactCompiler.Check(PactBuilder.With(("c", condition)));

        var error = Assert.Single(errors);
        Assert.Equal("clauses[0].condition", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.ExpressionColumn);
    }

    [Fact]
    public void Compile_BadPact_ThrowsWithEveryProblem()
    {
        var pact = PactBuilder.With(("dup", "action.priority > 1"), ("dup", "action.nope"), ("ok", "true")) with { AllowedActions = [] };

        var ex = Assert.Throws<PactCompilationException>(() => new CelPactCompiler().Compile(pact));

        Assert.Contains(ex.Problems, p => p.Field == "allowedActions");
        Assert.Contains(ex.Problems, p => p.Field == "clauses[1].id" && p.Message.Contains("unique", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Field == "clauses[1].condition");
    }

    [Fact]
    public void Evaluate_MissingField_IsAnErrorWithObservedValues()
    {
        var result = PactBuilder.EvaluateOne("action.priority in [3, 4]", """{"score":0.5}""");

        Assert.Equal(ClauseOutcome.Error, result.Outcome);
        Assert.Contains("action.priority is missing", result.Message, StringComparison.Ordinal);
        Assert.Equal("<missing>", result.Observed!["action.priority"]);
    }

    [Fact]
    public void Evaluate_WrongJsonType_IsAnErrorNotAPass()
    {
        var result = PactBuilder.EvaluateOne("action.score >= 0.8", """{"score":"0.9"}""");

        Assert.Equal(ClauseOutcome.Error, result.Outcome);
        Assert.Contains("should be a number", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Violation_RecordsTheValuesItSaw()
    {
        var result = PactBuilder.EvaluateOne("action.affected_cis <= 5 && action.score >= 0.8", """{"affected_cis":12,"score":0.9}""");

        Assert.Equal(ClauseOutcome.Violated, result.Outcome);
        Assert.Equal("12", result.Observed!["action.affected_cis"]);
        Assert.Equal("0.9", result.Observed["action.score"]);
    }

    [Theory]
    [InlineData("action.priority == 1 && action.score > 0.5", ClauseOutcome.Violated)]
    [InlineData("action.score > 0.5 && action.priority == 1", ClauseOutcome.Violated)]
    [InlineData("action.priority == 3 || action.score > 0.5", ClauseOutcome.Passed)]
    [InlineData("action.score > 0.5 || action.priority == 3", ClauseOutcome.Passed)]
    [InlineData("action.score > 0.5 || action.priority == 1", ClauseOutcome.Error)]
    public void Evaluate_ErrorOnOneSideOfLogic_AbsorbedOnlyWhenTheOtherSideDecides(string condition, ClauseOutcome expected)
    {
        // score is missing: an error, which false && ... and true || ... absorb (CEL's commutative logic).
        var result = PactBuilder.EvaluateOne(condition, """{"priority":3}""");

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Evaluate_DivisionByZeroAndBadIndex_AreErrors()
    {
        Assert.Equal(ClauseOutcome.Error, PactBuilder.EvaluateOne("action.priority / action.affected_cis > 1", """{"priority":3,"affected_cis":0}""").Outcome);
        Assert.Equal(ClauseOutcome.Error, PactBuilder.EvaluateOne("action.kb_articles[5] == 'x'", """{"kb_articles":["a"]}""").Outcome);
    }

    [Fact]
    public void Evaluate_ListLongerThanTheLimit_IsAnError()
    {
        var many = "[" + string.Join(",", Enumerable.Repeat("\"KB1\"", 1001)) + "]";

        var result = PactBuilder.EvaluateOne("action.kb_articles.all(k, k.startsWith('KB'))", $$"""{"kb_articles":{{many}}}""");

        Assert.Equal(ClauseOutcome.Error, result.Outcome);
        Assert.Contains("at most 1000", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GuardFalse_IsNotApplicable()
    {
        var pact = PactBuilder.With() with { Clauses = [new PactClause("g", "action.priority >= 2", ClauseSeverity.Critical, When: "action.type == 'escalate'")] };

        var result = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(PactBuilder.Action("""{"priority":1}"""), PactBuilder.Now)).Clauses[0];

        Assert.Equal(ClauseOutcome.NotApplicable, result.Outcome);
    }

    [Fact]
    public void Evaluate_JudgedClause_IsDeferred()
    {
        var pact = PactBuilder.With() with { Clauses = [new PactClause("j", "Is the rationale sound?", ClauseSeverity.Minor, VerificationMethod.Judged)] };

        var result = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(PactBuilder.Action("{}"), PactBuilder.Now)).Clauses[0];

        Assert.Equal(ClauseOutcome.Deferred, result.Outcome);
    }

    [Theory]
    [InlineData(29, ClauseOutcome.Passed)]
    [InlineData(30, ClauseOutcome.Violated)]
    public void Evaluate_RateLimit_ComparesRecentActionsWithTheLimit(int recent, ClauseOutcome expected)
    {
        var pact = PactBuilder.With(("c", "true")) with { RateLimit = new RateLimit(30, 60) };

        var evaluation = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(PactBuilder.Action("{}"), PactBuilder.Now, recent));

        var result = Assert.Single(evaluation.Clauses, c => c.ClauseId == "rate-limit");
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(ClauseSeverity.Major, result.Severity);
    }

    [Fact]
    public void Evaluate_PactWithoutSchema_ReadsFieldsDynamically()
    {
        var pact = PactBuilder.With(("c", "action.priority in [2, 3] && action.tags.exists(t, t == 'vip')")) with { ActionSchema = null, TicketSchema = null };

        var evaluation = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(PactBuilder.Action("""{"priority":3,"tags":["vip"]}"""), PactBuilder.Now));

        Assert.Equal(ClauseOutcome.Passed, evaluation.Clauses[0].Outcome);
    }

    [Fact]
    public void Evaluate_RecordsThePactHashAndVersion()
    {
        var pact = PactBuilder.With(("c", "true"));

        var evaluation = CelPactCompiler.CompileUncached(pact).Evaluate(EvaluationInput.For(PactBuilder.Action("{}"), PactBuilder.Now));

        Assert.Equal(PactHash.Compute(pact), evaluation.PactHash);
        Assert.StartsWith("sha256:", evaluation.PactHash, StringComparison.Ordinal);
        Assert.Equal(1, evaluation.PactVersion);
    }

    [Fact]
    public void Compile_SamePactTwice_ReturnsTheCachedCompiledPact()
    {
        var compiler = new CelPactCompiler();

        Assert.Same(compiler.Compile(PactBuilder.With(("c", "true"))), compiler.Compile(PactBuilder.With(("c", "true"))));
    }
}
