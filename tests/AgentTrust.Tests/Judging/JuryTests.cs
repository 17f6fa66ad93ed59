using AgentTrust.Domain.Judging;
using static AgentTrust.Tests.Judging.JudgeSamples;
using V = AgentTrust.Domain.Judging.Verdict;

namespace AgentTrust.Tests.Judging;

public sealed class JuryTests
{
    static readonly JuryPolicy Policy = JuryPolicy.Default;

    [Fact]
    public void Aggregate_AllJudgesPass_Passes()
    {
        var result = Jury.Aggregate("c1", [Verdict("a", V.Pass, 0.9), Verdict("b", V.Pass, 0.8), Verdict("c", V.Pass, 0.7)], ReliabilityBook.Empty, Policy);

        Assert.Equal(JuryOutcome.Pass, result.Outcome);
        Assert.Equal(1.0, result.Consensus, 6);
        Assert.True(result.Confidence > 0.3);
        Assert.Equal(3, result.Answered);
    }

    [Fact]
    public void Aggregate_AllJudgesFail_Fails()
    {
        var result = Jury.Aggregate("c1", [Verdict("a", V.Fail, 0.1), Verdict("b", V.Fail, 0.2)], ReliabilityBook.Empty, Policy);

        Assert.Equal(JuryOutcome.Fail, result.Outcome);
    }

    [Fact]
    public void Aggregate_OneWildJudge_CannotFlipTheOutcome()
    {
        // Property over many seeded cases: n >= 3 sane judges agree; one more judge says anything at all, with any
        // reliability. The outcome is never the opposite of the sane judges' (at worst uncertain, which goes to a human).
        var random = new Random(1234);
        for (var trial = 0; trial < 2000; trial++)
        {
            var sane = random.Next(3, 7);
            var pass = random.Next(2) == 0;
            var book = ReliabilityBook.Empty;
            var verdicts = new List<JudgeVerdict>();
            for (var i = 0; i < sane; i++)
            {
                var score = pass ? 0.5 + (random.NextDouble() * 0.5) : random.NextDouble() * 0.49;
                verdicts.Add(Verdict($"sane-{i}", pass ? V.Pass : V.Fail, score));
                book = book.With(JudgeReliability.FromAccuracy($"sane-{i}", 0.6 + (random.NextDouble() * 0.3)));
            }

            var wildPasses = random.Next(2) == 0;
            verdicts.Insert(random.Next(verdicts.Count + 1), Verdict("wild", wildPasses ? V.Pass : V.Fail, wildPasses ? 1.0 : 0.0));
            book = book.With(JudgeReliability.FromAccuracy("wild", 0.99, pseudoCount: 1000));

            var result = Jury.Aggregate("c1", verdicts, book, Policy with { MaxDisagreement = 1.0 });

            Assert.NotEqual(pass ? JuryOutcome.Fail : JuryOutcome.Pass, result.Outcome);
        }
    }

    [Fact]
    public void Aggregate_TwoAgainstOneWithinTolerance_FollowsTheMajority()
    {
        var result = Jury.Aggregate("c1", [Verdict("a", V.Pass, 0.9), Verdict("b", V.Pass, 0.9), Verdict("c", V.Fail, 0.0)],
            ReliabilityBook.Empty, Policy with { MaxDisagreement = 0.4 });

        Assert.Equal(JuryOutcome.Pass, result.Outcome);
        Assert.Equal(2.0 / 3, result.Consensus, 6);
    }

    [Fact]
    public void Aggregate_DisagreementAboveThreshold_Uncertain()
    {
        var result = Jury.Aggregate("c1", [Verdict("a", V.Pass, 0.9), Verdict("b", V.Pass, 0.9), Verdict("c", V.Fail, 0.1)],
            ReliabilityBook.Empty, Policy with { MaxDisagreement = 0.2 });

        Assert.Equal(JuryOutcome.Uncertain, result.Outcome);
        Assert.Contains("disagree", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_TooFewJudgesAnswer_UncertainNeverPass()
    {
        var verdicts = new[]
        {
            Verdict("a", V.Pass, 0.99),
            JudgeVerdict.Abstain("b", "v1", "c1", "timed out", "timeout"),
            JudgeVerdict.Abstain("c", "v1", "c1", "failed", "error"),
        };

        var result = Jury.Aggregate("c1", verdicts, ReliabilityBook.Empty, Policy with { MinJudges = 2 });

        Assert.Equal(JuryOutcome.Uncertain, result.Outcome);
        Assert.Equal(1, result.Answered);
        Assert.Equal(3, result.Verdicts.Count);
    }

    [Fact]
    public void Aggregate_NoVerdicts_Uncertain()
    {
        Assert.Equal(JuryOutcome.Uncertain, Jury.Aggregate("c1", [], ReliabilityBook.Empty, Policy).Outcome);
    }

    [Fact]
    public void Aggregate_VerdictOrder_DoesNotMatter()
    {
        JudgeVerdict[] verdicts = [Verdict("a", V.Pass, 0.9), Verdict("b", V.Fail, 0.3), Verdict("c", V.Pass, 0.6), Verdict("d", V.Pass, 0.7)];

        var forward = Jury.Aggregate("c1", verdicts, ReliabilityBook.Empty, Policy);
        var backward = Jury.Aggregate("c1", [.. verdicts.Reverse()], ReliabilityBook.Empty, Policy);

        Assert.Equal(forward.Outcome, backward.Outcome);
        Assert.Equal(forward.Support, backward.Support, 12);
        Assert.Equal(forward.Consensus, backward.Consensus, 12);
    }

    [Fact]
    public void Aggregate_ReliableJudgeOutnumberedByWeakOnes_Uncertain()
    {
        var book = ReliabilityBook.Empty
            .With(JudgeReliability.FromAccuracy("good", 0.95))
            .With(JudgeReliability.FromAccuracy("poor-1", 0.55))
            .With(JudgeReliability.FromAccuracy("poor-2", 0.55));
        JudgeVerdict[] verdicts = [Verdict("good", V.Fail, 0.05), Verdict("poor-1", V.Pass, 0.6), Verdict("poor-2", V.Pass, 0.6)];

        var result = Jury.Aggregate("c1", verdicts, book, Policy);

        // Two weak passes against one strong fail: the weights, not the head count, measure dissent, so most of the
        // weight dissents from the trimmed vote and a human decides.
        Assert.True(result.Weights["good"] > result.Weights["poor-1"] * 5);
        Assert.True(result.Consensus < 0.5, result.Consensus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JuryOutcome.Uncertain, result.Outcome);
    }

    [Fact]
    public void Aggregate_CoinFlipJudge_HasNoWeight()
    {
        var book = ReliabilityBook.Empty.With(JudgeReliability.FromAccuracy("coin", 0.5));

        var result = Jury.Aggregate("c1", [Verdict("coin", V.Pass, 1.0), Verdict("a", V.Fail, 0.1), Verdict("b", V.Fail, 0.1)], book, Policy);

        Assert.Equal(0, result.Weights["coin"]);
        Assert.Equal(JuryOutcome.Fail, result.Outcome);
        Assert.Equal(2, result.Answered);
    }

    [Fact]
    public void Learn_HumanLabels_RaiseAgreeingAndLowerDisagreeingWeights()
    {
        JudgeVerdict[] verdicts = [Verdict("right", V.Pass, 0.8), Verdict("wrong", V.Fail, 0.2), JudgeVerdict.Abstain("silent", "v1", "c1", "n/a")];
        var before = ReliabilityBook.Empty;

        var after = before;
        for (var i = 0; i < 5; i++)
        {
            after = after.Learn(verdicts, clauseHolds: true);
        }

        Assert.True(after.For("right").Weight > before.For("right").Weight);
        Assert.True(after.For("wrong").Weight < before.For("wrong").Weight);
        Assert.Equal(before.For("silent"), after.For("silent"));
        Assert.Equal(before.For("right").Observations + 5, after.For("right").Observations, 6);
    }
}
