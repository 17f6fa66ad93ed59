namespace AgentTrust.Domain.Disputes;

/// <summary>One resolved dispute as stored for reporting (the metrics read these).</summary>
public sealed record DisputeResolutionRow(
    string DisputeId,
    DisputeTargetKind Kind,
    DisputeVerdict Verdict,
    string AgentId,
    string Lane,
    string TicketSystem,
    string TicketId,
    bool TookEffect,
    DateTimeOffset ResolvedAt);
