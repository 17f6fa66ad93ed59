using System.Text.Json;
using AgentTrust.Domain.Pacts;
using AgentTrust.Tests.Pacts;

namespace AgentTrust.Tests.Reliability;

/// <summary>
/// Pacts written to loop or allocate without bound: deep nesting, huge list literals, string and list repetition,
/// scans inside nested macros. Each is refused when the pact is published or stopped during evaluation as an error
/// (so the clause fails closed); none runs for minutes or takes gigabytes. Before the work budget, the
/// nested-macro cases below ran for hours (4 million concatenations of 120 KB strings).
/// </summary>
public sealed class CelResourceBoundsTests
{
    /// <summary>An input string as long as a request body allows (64 KiB by default).</summary>
    static readonly string LongCategory = new('x', 60_000);

    static string Fields(string category, int articles = 2) => JsonSerializer.Serialize(new
    {
        priority = 3,
        score = 0.9,
        category,
        kb_articles = Enumerable.Range(0, articles).Select(i => "KB" + i).ToArray(),
    });

    /// <summary>A list literal of <paramref name="count"/> ones: the longest an expression can write is about 2,000.</summary>
    static string Ones(int count) => "[" + string.Join(",", Enumerable.Repeat("1", count)) + "]";

    [Fact]
    public void Evaluate_NestedMacrosConcatenatingLongStrings_StoppedByTheWorkBudgetAsAnError()
    {
        var condition = $"{Ones(1000)}.all(x, {Ones(1000)}.all(y, action.category + action.category != ''))";

        // Each concatenation stays under the length cap (2 x 30,000 characters): only the budget stops the loop.
        var result = PactBuilder.EvaluateOne(condition, Fields(new string('x', 30_000)));

        Assert.Equal(ClauseOutcome.Error, result.Outcome);
        Assert.Contains("steps of work", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NestedMacrosScanningALongString_StoppedByTheWorkBudget()
    {
        var condition = $"{Ones(1000)}.all(x, {Ones(1000)}.all(y, !action.category.contains('y')))";

        var result = PactBuilder.EvaluateOne(condition, Fields(LongCategory));

        Assert.Equal(ClauseOutcome.Error, result.Outcome);
        Assert.Contains("steps of work", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NestedMacrosWithInOverALongList_StoppedByTheWorkBudget()
    {
        var condition = "action.kb_articles.all(a, action.kb_articles.all(b, a in action.kb_articles))";

        var result = PactBuilder.EvaluateOne(condition, Fields("c", articles: 1000));

        Assert.Equal(ClauseOutcome.Error, result.Outcome);
        Assert.Contains("steps of work", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StringRepeatedByConcatenation_RefusedPastTheLengthCap()
    {
        var condition = string.Join(" + ", Enumerable.Repeat("action.category", 200)) + " != ''";

        var result = PactBuilder.EvaluateOne(condition, Fields(LongCategory));

        Assert.Equal(ClauseOutcome.Error, result.Outcome);
        Assert.Contains("more than 65536 characters", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ListRepeatedByConcatenation_RefusedPastTheItemCap()
    {
        var condition = "size(" + string.Join(" + ", Enumerable.Repeat("action.kb_articles", 50)) + ") > 0";

        var result = PactBuilder.EvaluateOne(condition, Fields("c", articles: 900));

        Assert.Equal(ClauseOutcome.Error, result.Outcome);
        Assert.Contains("more than 1000 items", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SmallConcatenationAndMacros_StillPass()
    {
        var result = PactBuilder.EvaluateOne(
            "action.kb_articles.all(a, (a + '-x').endsWith('-x')) && size(action.kb_articles + ['KB9']) == 3 && 'KB1' in action.kb_articles",
            Fields("c"));

        Assert.True(result.Outcome == ClauseOutcome.Passed, result.Message);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(5000)]
    public void Compile_NestedDeeperThanTheParserAllows_RejectedAtPublish(int depth)
    {
        var condition = new string('(', depth) + "action.priority > 1" + new string(')', depth);

        var errors = CelPactCompiler.Check(PactBuilder.With(("c", condition)));

        var error = Assert.Single(errors);
        Assert.Contains(depth > 4096 / 2 ? "longer than 4096" : "nested more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NestedUnaryNotsDeeperThanAllowed_RejectedAtPublish()
    {
        var errors = CelPactCompiler.Check(PactBuilder.With(("c", new string('!', 200) + "action.urgent")));

        Assert.Contains("nested more than", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ListLiteralLongerThanAnExpressionMayBe_RejectedAtPublish()
    {
        var errors = CelPactCompiler.Check(PactBuilder.With(("c", $"action.priority in {Ones(5000)}")));

        Assert.Contains("longer than 4096", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
