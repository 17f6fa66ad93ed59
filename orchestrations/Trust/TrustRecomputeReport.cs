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
}
