namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Input of <see cref="NotifyAdjudicatorsActivity"/>: which dispute, about what, why, and who must answer by when.</summary>
public sealed record DisputeNotice(
    string DisputeId,
    string DisputeDigest,
    string AgentId,
    string Lane,
    string TicketSystem,
    string TicketId,
    string Subject,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Groups,
    DateTimeOffset FiledAt,
    DateTimeOffset Deadline);
