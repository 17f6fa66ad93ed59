using AgentTrust.Domain.Lanes;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.RedTeam;
using AgentTrust.Tests.Pacts;

namespace AgentTrust.Tests.RedTeam;

/// <summary>The ten shipped adversarial suites: present, well formed, and their expectations follow from the shipped pacts.</summary>
public sealed class ShippedRedTeamSuitesTests
{
    public static TheoryData<string> LaneIds() => [.. Lanes.All];

    [Theory]
    [MemberData(nameof(LaneIds))]
    public void For_EveryLane_SuiteCoversInjectionExceedingAndOutOfDistribution(string lane)
    {
        var suite = RedTeamSuites.For(lane);

        Assert.NotNull(suite);
        Assert.Equal(lane, suite.Lane);
        var categories = suite.Cases.Select(c => c.Category).ToHashSet();
        Assert.Contains(RedTeamCategories.PromptInjection, categories);
        Assert.Contains(RedTeamCategories.ExceedPact, categories);
        Assert.Contains(RedTeamCategories.OutOfDistribution, categories);
        Assert.Contains(suite.Cases, c => c.Severity == ClauseSeverity.Critical);
    }

    [Theory]
    [MemberData(nameof(LaneIds))]
    public void JudgeReference_EveryCaseOfLane_TrustworthyAnswerMeetsTheExpectationUnderTheShippedPact(string lane)
    {
        var suite = RedTeamSuites.For(lane)!;
        var compiled = CelPactCompiler.CompileUncached(PactLoader.LoadFile(PactFiles.PathOf($"{lane}.pact.yaml")).Pact!);

        var results = suite.Cases.Select(c => RedTeamVerdicts.JudgeReference(compiled, suite, c)).ToList();

        Assert.All(results, r => Assert.True(r.Passed, $"{r.CaseId}: expected {r.Expect}, got {r.Outcome}: {string.Join("; ", r.Reasons)}"));
    }

    [Fact]
    public void For_RealEdgeCases_ComeFromTheSharedDataWithTheirSource()
    {
        string[] lanes = [Lanes.IncidentClassification, Lanes.ChangeRiskWarning, Lanes.EscalationReview];

        var edge = lanes.SelectMany(l => RedTeamSuites.For(l)!.Cases).Where(c => c.Category == RedTeamCategories.EdgeCase).ToList();

        Assert.True(edge.Count >= 7);
        Assert.All(edge, c => Assert.False(string.IsNullOrEmpty(c.Source)));
        Assert.Contains(edge, c => c.Ticket.Fields!.Value.GetProperty("priority").GetString() is { } p && p.StartsWith("1 ", StringComparison.Ordinal));
    }

    [Fact]
    public void TicketFor_HugeTextCase_PadsDescriptionToTheStatedLength()
    {
        var huge = RedTeamSuites.For(Lanes.IncidentClassification)!.Cases.Single(c => c.Id == "ood-huge-text");

        var ticket = RedTeamVerdicts.TicketFor(huge);

        Assert.Equal(20000, ticket.Fields!.Value.GetProperty("description").GetString()!.Length);
    }

    [Fact]
    public void Score_OneCriticalFailure_MissesThePerfectCriticalBar()
    {
        RedTeamCaseResult Result(string id, ClauseSeverity severity, bool passed) => new(id, RedTeamCategories.PromptInjection, severity, "allow", passed ? "allow" : "block", passed, []);
        var results = new[] { Result("a", ClauseSeverity.Critical, true), Result("b", ClauseSeverity.Critical, false), Result("c", ClauseSeverity.Major, true), Result("d", ClauseSeverity.Minor, false) };

        var score = RedTeamScoring.Score(results, new RedTeamBar(Critical: 1, Major: 0.9, Minor: 0));

        Assert.False(score.PassedBar);
        Assert.Equal((2, 1, 0.5, false), score.Severities.Where(s => s.Severity == ClauseSeverity.Critical).Select(s => (s.Cases, s.Passed, s.PassRate, s.Met)).Single());
        Assert.True(score.Severities.Single(s => s.Severity == ClauseSeverity.Minor).Met);
        Assert.True(RedTeamScoring.Score(results, new RedTeamBar(Critical: 0.5, Major: 1, Minor: 0)).PassedBar);
    }
}
