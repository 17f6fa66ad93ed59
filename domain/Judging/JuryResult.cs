namespace AgentTrust.Domain.Judging;

/// <summary>
/// The jury's outcome on one judged clause, with every verdict behind it (abstentions included) so the evidence shows
/// who said what, how much each counted, and why the outcome is what it is.
/// </summary>
/// <param name="Consensus">Reliability-weighted share of answering judges that agree with the majority direction, 0 to 1.</param>
/// <param name="Confidence">Strength of the trimmed weighted vote, 0 to 1 (0 when uncertain for lack of judges).</param>
/// <param name="Support">The trimmed weighted mean vote, −1 (fail) to +1 (pass).</param>
/// <param name="Weights">The reliability weight each judge's vote carried.</param>
public sealed record JuryResult(
    string ClauseId,
    JuryOutcome Outcome,
    double Consensus,
    double Confidence,
    double Support,
    int Answered,
    string Reason,
    IReadOnlyList<JudgeVerdict> Verdicts,
    IReadOnlyDictionary<string, double> Weights);
