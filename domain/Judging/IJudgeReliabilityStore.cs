namespace AgentTrust.Domain.Judging;

/// <summary>Where judges' reliability lives between actions: read by every jury, updated by every human label.</summary>
public interface IJudgeReliabilityStore
{
    Task<ReliabilityBook> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>A human settled a judged clause: learn which judges agreed with them.</summary>
    Task<ReliabilityBook> LearnAsync(IReadOnlyList<JudgeVerdict> verdicts, bool clauseHolds, CancellationToken cancellationToken = default);
}
