namespace AgentTrust.Domain.Metrics;

/// <summary>What one ticket's events add up to; the unit every metric counts.</summary>
internal sealed record TicketSummary(
    TicketRecordKind Kind,
    DateOnly WeekStart,
    string Lane,
    string AgentId,
    WorkHandler Handler,
    double? HoursToResolve,
    bool Reopened,
    bool Failed,
    int Reassignments,
    bool TeamKnown,
    bool PingPong,
    int Escalations,
    bool Bounced,
    int LevelSkips,
    bool StartedAboveL1,
    int ApprovalsOverturned);
