namespace AgentTrust.Cli.Demo;

/// <summary>One incident of the shipped ServiceNow sample: how it was opened and how it really ended.</summary>
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
    int ReopenCount);
