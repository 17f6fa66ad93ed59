using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Lanes;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Pacts.Tooling;

namespace AgentTrust.Tests.Pacts;

/// <summary>
/// Decimal commas must not change a decision: a peer engine parses "0.8" as 8 (or not at all) under de-DE and
/// fails open. Loading, compiling and evaluating here are invariant.
/// </summary>
public sealed class CultureInvarianceTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void RunExamples_UnderCommaDecimalCulture_GivesTheSameDecisionsAsInvariant(string culture)
    {
        var invariant = InCulture(CultureInfo.InvariantCulture, AllDecisions);

        var local = InCulture(CultureInfo.GetCultureInfo(culture), AllDecisions);

        Assert.Equal(invariant, local);
        Assert.Contains("allow", local, StringComparison.Ordinal);
        Assert.Contains("block", local, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void Evaluate_FractionThresholdUnderCommaDecimalCulture_ComparesTheRealNumbers(string culture)
    {
        var (pass, fail, minConfidence) = InCulture(CultureInfo.GetCultureInfo(culture), () =>
        {
            var pass = PactBuilder.EvaluateOne("action.score >= 0.8 && double('0.5') == 0.5", """{"score":0.85}""").Outcome;
            var fail = PactBuilder.EvaluateOne("action.score >= 0.8", """{"score":0.75}""").Outcome;
            var pact = PactLoader.LoadFile(PactFiles.PathOf("change-risk-warning.pact.yaml")).Pact!;
            return (pass, fail, pact.Autonomy.MinConfidence);
        });

        Assert.Equal(ClauseOutcome.Passed, pass);
        Assert.Equal(ClauseOutcome.Violated, fail);
        Assert.Equal(0.75, minConfidence);
    }

    static string AllDecisions()
    {
        var lines = new List<string>();
        foreach (var lane in Lanes.All)
        {
            var examples = PactExampleRunner.ReadFile(PactFiles.PathOf($"{lane}.examples.yaml"));
            var compiled = CelPactCompiler.CompileUncached(PactLoader.LoadFile(PactFiles.PathOf(examples.Pact)).Pact!);
            foreach (var result in PactExampleRunner.Run(compiled, examples))
            {
                lines.Add($"{lane}|{result.Example.Name}|{result.Outcome}|{JsonSerializer.Serialize(result.Evaluation, JsonDefaults.Options)}|{string.Join(";", result.Decision.Reasons)}");
            }
        }

        return string.Join("\n", lines);
    }

    static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
