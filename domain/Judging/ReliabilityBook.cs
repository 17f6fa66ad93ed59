using System.Collections.Immutable;

namespace AgentTrust.Domain.Judging;

/// <summary>
/// Every judge's reliability. Immutable: learning from a human label returns a new book, so a jury's weights are
/// exactly the ones it was given. A judge never measured gets <see cref="UnknownPrior"/> (70%, worth 10 observations).
/// </summary>
public sealed class ReliabilityBook
{
    public static readonly ReliabilityBook Empty = new(ImmutableDictionary<string, JudgeReliability>.Empty.WithComparers(StringComparer.Ordinal));

    const double UnknownAccuracy = 0.7;
    const double UnknownPseudoCount = 10;

    readonly ImmutableDictionary<string, JudgeReliability> judges;

    ReliabilityBook(ImmutableDictionary<string, JudgeReliability> judges) => this.judges = judges;

    public IEnumerable<JudgeReliability> Judges => judges.Values.OrderBy(j => j.JudgeId, StringComparer.Ordinal);

    public static JudgeReliability UnknownPrior(string judgeId) => JudgeReliability.FromAccuracy(judgeId, UnknownAccuracy, UnknownPseudoCount);

    public JudgeReliability For(string judgeId) => judges.TryGetValue(judgeId, out var r) ? r : UnknownPrior(judgeId);

    public ReliabilityBook With(JudgeReliability reliability)
    {
        ArgumentNullException.ThrowIfNull(reliability);
        return new ReliabilityBook(judges.SetItem(reliability.JudgeId, reliability));
    }

    /// <summary>
    /// A human settled the clause: every judge that voted gains an observation, agreeing or not. Abstentions teach
    /// nothing. This is how the jury calibrates itself from human verdicts.
    /// </summary>
    public ReliabilityBook Learn(IEnumerable<JudgeVerdict> verdicts, bool clauseHolds)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var book = judges;
        foreach (var verdict in verdicts.Where(v => v.Verdict != Verdict.Abstain))
        {
            var current = book.TryGetValue(verdict.JudgeId, out var r) ? r : UnknownPrior(verdict.JudgeId);
            book = book.SetItem(verdict.JudgeId, current.Observe((verdict.Verdict == Verdict.Pass) == clauseHolds));
        }

        return new ReliabilityBook(book);
    }
}
