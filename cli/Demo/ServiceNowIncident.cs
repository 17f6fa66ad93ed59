namespace AgentTrust.Cli.Demo;

/// <summary>
/// One incident of the shipped ServiceNow records: how it was opened and how it really ended. The contact type,
/// symptom and resolution time are read when the file has them (the replay's features and outcomes).
/// </summary>
public sealed record ServiceNowIncident(
    string Number,
    DateTime OpenedAt,
    string Category,
    string Subcategory,
    string Impact,
    string Urgency,
    int OpenedPriority,
    int FinalPriority,
    int ReassignmentCount,
    int ReopenCount,
    string ContactType = "",
    string Symptom = "",
    DateTime? ResolvedAt = null);
