namespace AgentTrust.Domain.Judging;

/// <summary>
/// One judge's verdict on one clause, with everything a reviewer needs to weigh it: who judged (id and version, and
/// for model judges the model and the hash of the exact prompt), how sure it was and why.
/// </summary>
/// <param name="Score">The judge's probability that the clause holds, 0 to 1 (0.5 when abstaining).</param>
/// <param name="Failure">Why the judge abstained when it could not answer (timeout, error): recorded, never a vote.</param>
public sealed record JudgeVerdict(
    string JudgeId,
    string JudgeVersion,
    string ClauseId,
    Verdict Verdict,
    double Score,
    string Rationale,
    string? ModelId = null,
    string? PromptHash = null,
    string? Failure = null)
{
    public static JudgeVerdict Abstain(string judgeId, string judgeVersion, string clauseId, string rationale, string? failure = null) =>
        new(judgeId, judgeVersion, clauseId, Verdict.Abstain, 0.5, rationale, Failure: failure);

    /// <summary>A pass or fail from a probability: at or above one half the clause holds.</summary>
    public static JudgeVerdict FromScore(string judgeId, string judgeVersion, string clauseId, double score, string rationale, string? modelId = null, string? promptHash = null)
    {
        var clamped = double.IsFinite(score) ? Math.Clamp(score, 0, 1) : 0.5;
        return new(judgeId, judgeVersion, clauseId, clamped >= 0.5 ? Verdict.Pass : Verdict.Fail, clamped, rationale, modelId, promptHash);
    }
}
