using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Judging;
using AgentTrust.Judges.Classification;
using AgentTrust.Judges.Precedent;
using AgentTrust.Judges.Rules;

namespace AgentTrust.Tests.Judging;

[Collection(LocalModelsCollection.Name)]
public sealed class LocalJudgeTests(LocalModelsFixture fixture)
{
    [Fact]
    public async Task TicketClassifierJudge_HeldOutTickets_PassesTrueCategoriesMoreThanWrongOnes()
    {
        var judge = new TicketClassifierJudge(fixture.Models);
        var (_, heldOut) = TicketTextClassifier.Split("category");
        var labels = fixture.Models.Category.Labels;
        int truePasses = 0, wrongFails = 0, n = 0;
        foreach (var row in heldOut.Take(200))
        {
            var wrong = labels.First(l => l != row.Label && l is "4" or "5" or "6");
            var ticket = JsonSerializer.Serialize(new { title = "", body = row.Text });
            var right = await judge.JudgeAsync(JudgeSamples.Request(JsonSerializer.Serialize(new { category = row.Label }), ticket), default);
            var other = await judge.JudgeAsync(JudgeSamples.Request(JsonSerializer.Serialize(new { category = wrong }), ticket), default);
            truePasses += right.Verdict == Verdict.Pass ? 1 : 0;
            wrongFails += other.Verdict == Verdict.Fail ? 1 : 0;
            Assert.True(right.Score > other.Score || row.Label != fixture.Models.Category.Predict(row.Text).Best,
                "when the model's best label is the truth, the truth must outscore a wrong proposal");
            n++;
        }

        // Held-out tickets never seen in training: the judge must do clearly better than chance on both kinds of proposal.
        Assert.True(truePasses > n * 0.6, $"true labels passed {truePasses}/{n}");
        Assert.True(wrongFails > n * 0.6, $"wrong labels failed {wrongFails}/{n}");
    }

    [Fact]
    public async Task TicketClassifierJudge_NoTicketText_Abstains()
    {
        var verdict = await new TicketClassifierJudge(fixture.Models).JudgeAsync(JudgeSamples.Request("{\"category\":\"4\"}", "{\"priority\":3}"), default);

        Assert.Equal(Verdict.Abstain, verdict.Verdict);
    }

    [Fact]
    public async Task LocalJudges_SameInputTwice_SameVerdict()
    {
        var request = JudgeSamples.Request(
            "{\"category\":\"4\",\"urgency\":3,\"impact\":4,\"priority\":3}",
            "{\"title\":\"laptop not starting\",\"body\":\"hi laptop not starting after update please help\",\"category\":\"Category 26\",\"subcategory\":\"Subcategory 174\"}");
        IJudge[] judges = [new TicketClassifierJudge(fixture.Models), new PrecedentJudge(fixture.Models), new RulesJudge()];
        foreach (var judge in judges)
        {
            var first = await judge.JudgeAsync(request, default);
            var second = await judge.JudgeAsync(request, default);

            Assert.NotEqual(Verdict.Abstain, first.Verdict);
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public async Task LocalJudgeModels_SecondStart_LoadsCachedModelsWithSameVerdicts()
    {
        Assert.NotEmpty(Directory.GetFiles(fixture.CachePath, "ticket-category-*.zip"));
        var reloaded = LocalModelsFixture.Create(fixture.CachePath);
        var request = JudgeSamples.Request("{\"category\":\"5\"}", "{\"body\":\"new starter needs laptop and monitor ordered\"}");

        var original = await new TicketClassifierJudge(fixture.Models).JudgeAsync(request, default);
        var fromCache = await new TicketClassifierJudge(reloaded).JudgeAsync(request, default);

        Assert.Equal(original, fromCache);
        Assert.Equal(fixture.Models.Category.HeldOut, reloaded.Category.HeldOut);
    }

    [Fact]
    public async Task PrecedentJudge_PriorityRareAmongSimilarIncidents_Fails()
    {
        // The commonest profile in the shipped records, so its precedents are many and real.
        var ticket = "{\"category\":\"Category 26\",\"subcategory\":\"Subcategory 174\",\"u_symptom\":\"Symptom 491\"}";
        var judge = new PrecedentJudge(fixture.Models);

        var moderate = await judge.JudgeAsync(JudgeSamples.Request("{\"priority\":\"3 - Moderate\"}", ticket), default);
        var critical = await judge.JudgeAsync(JudgeSamples.Request("{\"priority\":1}", ticket), default);

        Assert.Equal(Verdict.Pass, moderate.Verdict);
        Assert.Equal(Verdict.Fail, critical.Verdict);
        Assert.True(moderate.Score > critical.Score);
        Assert.Contains("similar past incidents", critical.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void PrecedentJudge_HeldOutIncidents_MeasuredBetterThanUniformGuess()
    {
        var metrics = fixture.Models.PrecedentHeldOut;

        Assert.True(metrics.Count > 500, metrics.Count.ToString(CultureInfo.InvariantCulture));
        Assert.True(metrics.Accuracy > 0.25, $"accuracy {metrics.Accuracy}");
        Assert.InRange(metrics.Ece, 0, 1);
    }

    [Fact]
    public async Task RulesJudge_PriorityAgainstMatrix_Fails()
    {
        var verdict = await new RulesJudge().JudgeAsync(JudgeSamples.Request("{\"impact\":1,\"urgency\":1,\"priority\":4}", "{}"), default);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Contains("impact x urgency", verdict.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesJudge_MessageWithPassword_Fails()
    {
        var verdict = await new RulesJudge().JudgeAsync(
            JudgeSamples.Request("{\"message\":\"Your account is back, password: Hunter2!\",\"audience\":\"requester\"}", "{}", actionType: "reply"), default);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
    }

    [Fact]
    public async Task RulesJudge_NoRuleApplies_Abstains()
    {
        var verdict = await new RulesJudge().JudgeAsync(JudgeSamples.Request("{\"note\":\"x\"}", "{}", actionType: "comment"), default);

        Assert.Equal(Verdict.Abstain, verdict.Verdict);
    }

    [Fact]
    public void TicketTextClassifier_TrainedAgainInFreshFolder_SameModel()
    {
        var fresh = Path.Combine(Path.GetTempPath(), "agenttrust-tests", "retrain-" + Guid.NewGuid().ToString("N"));
        try
        {
            var retrained = TicketTextClassifier.LoadOrTrain("impact", fresh);
            var original = fixture.Models.Classifiers.Single(c => c.LabelName == "impact");

            // Seeded, single-threaded training on the same shipped rows: the same measurement and the same probabilities.
            Assert.Equal(original.HeldOut, retrained.HeldOut);
            foreach (var text in new[] { "laptop screen broken please replace", "access request shared drive finance", "new starter purchase order monitor" })
            {
                Assert.Equal(original.Predict(text).Probabilities, retrained.Predict(text).Probabilities);
            }
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }
}
