using AgentTrust.Domain.Disputes;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>A dispute as the API shows it: what is contested and by whom, where it stands, and how it ended.</summary>
public sealed record DisputeView(
    string Id,
    string Status,
    DisputeRequest? Dispute,
    string? AgentId,
    string? Lane,
    string? OriginalStatus,
    DateTimeOffset? Deadline,
    DisputeJuryView? Jury,
    string? Adjudicator,
    string? Comment,
    DateTimeOffset? ResolvedAt,
    object? Trust,
    IReadOnlyList<string> Evidence,
    IReadOnlyDictionary<string, string> Links,
    string? Failure = null);
