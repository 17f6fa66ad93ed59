namespace AgentTrust.Cli.Replay;

/// <summary>One replayed action as the report lists it: the record, the agent's answer, and what the API decided.</summary>
public sealed record ReplayedRecord(
    string Lane,
    string TicketId,
    DateTimeOffset RecordTime,
    string ActionId,
    string Status,
    string Decision,
    IReadOnlyList<string> Reasons,
    string Proposal,
    string Truth,
    double Confidence,
    bool Wrong,
    string Downside,
    bool LaneConstrained);
