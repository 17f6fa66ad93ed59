namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// One decided action as the console lists it: who proposed what on which ticket, what the loop decided and why, and
/// (once a person answered) who decided and how. A projection of the evidence; the records themselves stay the truth.
/// </summary>
public sealed record ActionFeedEntry(
    string Id,
    string AgentId,
    string Lane,
    string TicketSystem,
    string TicketId,
    string Status,
    string Decision,
    IReadOnlyList<string> Reasons,
    DateTimeOffset DecidedAt,
    string? Approver,
    string? Comment,
    DateTimeOffset? AnsweredAt,
    string? Evidence);
