namespace AgentTrust.Domain.Judging;

/// <summary>
/// How a jury turns verdicts into an outcome. Belongs to the pact (a lane's owner decides how much disagreement a
/// human must settle); until the pact language carries it, hosts configure it under <c>AgentTrust:Jury</c>.
/// </summary>
/// <param name="MinJudges">Fewer answering judges than this and the outcome is uncertain, never pass.</param>
/// <param name="MaxDisagreement">Weighted share of answering judges against the outcome above which it is uncertain.</param>
/// <param name="TrimFraction">Share of judges dropped from each end of the vote before averaging (at least one each end once three answer).</param>
/// <param name="MinMargin">The trimmed mean vote (−1 fail … +1 pass) must be at least this far from zero.</param>
/// <param name="JudgeTimeoutMilliseconds">How long one judge may take on one clause before it counts as abstaining.</param>
public sealed record JuryPolicy(
    int MinJudges = 2,
    double MaxDisagreement = 0.34,
    double TrimFraction = 0.2,
    double MinMargin = 0.1,
    int JudgeTimeoutMilliseconds = 5000)
{
    public static JuryPolicy Default { get; } = new();
}
