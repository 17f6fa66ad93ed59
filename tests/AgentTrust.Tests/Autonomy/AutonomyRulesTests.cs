using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Tests.Autonomy;

public sealed class AutonomyRulesTests
{
    [Fact]
    public void Check_PromotionBarNotAboveTheDemotionBar_IsRefusedAsFlapping()
    {
        var errors = AutonomyRules.Check(new AutonomyPolicy(Promotion: new PromotionRule(0.6), Demotion: new DemotionRule(0.6)), null);

        var error = Assert.Single(errors);
        Assert.Equal("autonomy.promotion.minLowerBound", error.Field);
        Assert.Contains("flap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PromotionBarBelowATrustBelowConsequence_IsRefusedAsFlapping()
    {
        var errors = AutonomyRules.Check(
            new AutonomyPolicy(Promotion: new PromotionRule(0.5)), [new ConsequencePath("low", ConsequenceTrigger.TrustBelow, AutonomyTier.Shadow, Threshold: 60)]);

        Assert.Contains(errors, e => e.Field == "autonomy.promotion.minLowerBound" && e.Message.Contains("'low'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_PactWithFlappingBars_ReportsTheFieldAndLine()
    {
        var text = File.ReadAllText(Path.Combine(Support.RepositoryRoot.Path, "pacts", "incident-classification.pact.yaml"))
            .Replace("minLowerBound: 0.8", "minLowerBound: 0.5", StringComparison.Ordinal);

        var result = PactLoader.Load(text, "flapping.pact.yaml");

        Assert.Null(result.Pact);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, error =>
        {
            Assert.Equal("autonomy.promotion.minLowerBound", error.Field);
            Assert.Equal("flapping.pact.yaml", error.File);
            Assert.NotNull(error.Line);
        });
    }

    [Fact]
    public void Load_ShippedPact_ReadsTheLadderBudgetLedgerAndDownside()
    {
        var result = PactLoader.LoadFile(Path.Combine(Support.RepositoryRoot.Path, "pacts", "incident-classification.pact.yaml"));

        Assert.Empty(result.Errors);
        var pact = result.Pact!;
        Assert.NotNull(pact.Autonomy.Promotion);
        Assert.NotNull(pact.Autonomy.Demotion);
        Assert.NotNull(pact.Autonomy.ErrorBudget);
        Assert.NotNull(pact.Autonomy.Ledger);
        Assert.Contains(pact.Downside!.Rules, r => r.Level == DownsideLevel.High);
    }
}
