namespace AgentTrust.Cli.Chaos;

/// <summary>What the end checks found, action by action (ids, so a failure can be looked into).</summary>
public sealed record ChaosFindings(
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Duplicated,
    IReadOnlyList<string> MissingWriteBacks,
    IReadOnlyList<string> WrongfulWrites,
    int WriteBacks,
    bool EvidenceVerified,
    long EvidenceRecords,
    bool TrustEqual,
    int TrustScores,
    bool FeedMatches,
    IReadOnlyList<string> Problems);
