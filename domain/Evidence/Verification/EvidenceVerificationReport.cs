namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>
/// The outcome of a verification: problems in log order (the first is the first bad record), counts, and notes
/// that qualify a pass (e.g. keys taken from the evidence itself, records not yet under a checkpoint).
/// </summary>
public sealed record EvidenceVerificationReport(
    long RecordsVerified,
    long SignaturesVerified,
    int CheckpointsVerified,
    IReadOnlyList<EvidenceProblem> Problems,
    IReadOnlyList<string> Notes)
{
    public bool Valid => Problems.Count == 0;

    public EvidenceProblem? FirstProblem => Problems.Count > 0 ? Problems[0] : null;

    /// <summary>Per log, the newest signed checkpoint under which everything verified: where the next verification may start.</summary>
    public IReadOnlyDictionary<string, VerifiedWatermark> Watermarks { get; init; } = new Dictionary<string, VerifiedWatermark>();

    /// <summary>
    /// Records under an earlier run's watermark whose signed root still matched: only their leaf hashes were recomputed
    /// (and checked against the signed checkpoints), not their format, place and chain again.
    /// </summary>
    public long RecordsUnderWatermark { get; init; }
}
