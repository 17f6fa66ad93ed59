namespace AgentTrust.Domain.Judging;

/// <summary>
/// Turns independent verdicts on one clause into one outcome. Each answering judge casts a vote in [−1, +1] (its
/// direction times how sure it is), weighted by its reliability. The most extreme votes are trimmed from both ends
/// before the weighted mean, so one wild judge cannot flip the outcome: with k trimmed per end and at most k wild
/// judges, the kept votes all lie within the range of the sane ones. Disagreement is measured over every answering
/// judge, so a lone dissenter still sends the clause to a human when the pact tolerates little disagreement.
/// Pure and deterministic: the same verdicts, book and policy give the same result.
/// </summary>
public static class Jury
{
    /// <summary>Even a barely-sure verdict is a vote; without this floor a 0.5 score would vanish instead of counting.</summary>
    const double MinVoteStrength = 0.1;

    public static JuryResult Aggregate(string clauseId, IReadOnlyList<JudgeVerdict> verdicts, ReliabilityBook reliability, JuryPolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(clauseId);
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(reliability);
        ArgumentNullException.ThrowIfNull(policy);

        var ordered = verdicts.OrderBy(v => v.JudgeId, StringComparer.Ordinal).ToList();
        var weights = ordered.ToDictionary(v => v.JudgeId, v => reliability.For(v.JudgeId).Weight, StringComparer.Ordinal);
        var votes = ordered
            .Where(v => v.Verdict != Verdict.Abstain && weights[v.JudgeId] > 0)
            .Select(v => new Vote(v.JudgeId, VoteOf(v), weights[v.JudgeId]))
            .ToList();

        if (votes.Count < Math.Max(1, policy.MinJudges))
        {
            return new JuryResult(clauseId, JuryOutcome.Uncertain, 0, 0, 0, votes.Count,
                $"{votes.Count} judge(s) answered with weight, the pact needs at least {policy.MinJudges}", ordered, weights);
        }

        var support = TrimmedWeightedMean(votes, policy.TrimFraction);
        var direction = support >= 0 ? 1 : -1;
        var totalWeight = votes.Sum(v => v.Weight);
        var consensus = votes.Where(v => Math.Sign(v.Value) == direction).Sum(v => v.Weight) / totalWeight;
        var disagreement = 1 - consensus;
        var confidence = Math.Abs(support) * consensus;

        if (disagreement > policy.MaxDisagreement)
        {
            return new JuryResult(clauseId, JuryOutcome.Uncertain, consensus, confidence, support, votes.Count,
                FormattableString.Invariant($"judges disagree: {disagreement:0.###} of the weight dissents, the pact tolerates {policy.MaxDisagreement:0.###}"), ordered, weights);
        }

        if (Math.Abs(support) < policy.MinMargin)
        {
            return new JuryResult(clauseId, JuryOutcome.Uncertain, consensus, confidence, support, votes.Count,
                FormattableString.Invariant($"the vote is too close: {support:0.###} is within {policy.MinMargin:0.###} of zero"), ordered, weights);
        }

        var outcome = direction > 0 ? JuryOutcome.Pass : JuryOutcome.Fail;
        return new JuryResult(clauseId, outcome, consensus, confidence, support, votes.Count,
            FormattableString.Invariant($"{votes.Count} judge(s): {(outcome == JuryOutcome.Pass ? "holds" : "broken")} with consensus {consensus:0.###}"), ordered, weights);
    }

    static double VoteOf(JudgeVerdict verdict)
    {
        var strength = Math.Max(MinVoteStrength, Math.Abs((2 * Math.Clamp(verdict.Score, 0, 1)) - 1));
        return verdict.Verdict == Verdict.Pass ? strength : -strength;
    }

    static double TrimmedWeightedMean(List<Vote> votes, double trimFraction)
    {
        // Sort by value (then id, so ties are deterministic) and drop k from each end; k >= 1 once three votes exist.
        var sorted = votes.OrderBy(v => v.Value).ThenBy(v => v.JudgeId, StringComparer.Ordinal).ToList();
        var k = sorted.Count >= 3 ? Math.Max(1, (int)Math.Floor(sorted.Count * Math.Clamp(trimFraction, 0, 0.49))) : 0;
        var kept = sorted.Skip(k).Take(sorted.Count - (2 * k)).ToList();
        var weight = kept.Sum(v => v.Weight);
        return weight > 0 ? kept.Sum(v => v.Value * v.Weight) / weight : 0;
    }

    readonly record struct Vote(string JudgeId, double Value, double Weight);
}
