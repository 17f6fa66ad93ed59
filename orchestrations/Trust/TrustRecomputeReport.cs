namespace AgentTrust.Orchestrations.Trust;

/// <summary>What a recomputation did: records read, trust signals folded, unverified records left out, states that differed from the stored ones.</summary>
public sealed record TrustRecomputeReport(
    long Records,
    long Signals,
    long SkippedUnverified,
    int States,
    IReadOnlyList<string> Differing,
    IReadOnlyList<string> Problems)
{
    /// <summary>Differing states not replaced because a signal was applied to them during the run (next run).</summary>
    public IReadOnlyList<string> ChangedMeanwhile { get; init; } = [];

    /// <summary>Whether every record was verified in full (watermarks ignored): asked for, or the daily full run.</summary>
    public bool FullVerification { get; init; }

    /// <summary>Records under a verified watermark: their leaf hashes checked against the signed checkpoints, not re-parsed.</summary>
    public long RecordsUnderWatermark { get; init; }
}
