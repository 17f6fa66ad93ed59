namespace AgentTrust.Cli.Chaos;

/// <summary>One action the API accepted, and what the stream has seen and done about it since.</summary>
public sealed class TrackedAction(string id, string agentId, string ticketId, bool approveWhenAsked, DateTimeOffset answerAt)
{
    public string Id { get; } = id;

    public string AgentId { get; } = agentId;

    public string TicketId { get; } = ticketId;

    /// <summary>What the approver answers when asked (drawn when the action was made).</summary>
    public bool ApproveWhenAsked { get; } = approveWhenAsked;

    /// <summary>When the approver first looks at it: some answers come only after a kill.</summary>
    public DateTimeOffset AnswerAt { get; set; } = answerAt;

    /// <summary>The final status seen through the API (applied, approved, rejected, expired, blocked, shadowed), or null.</summary>
    public string? Final { get; set; }

    public string? LastStatus { get; set; }

    public bool OutcomePosted { get; set; }

    public int Answers { get; set; }

    public DateTimeOffset NextPoll { get; set; }

    public bool Done => Final is not null && (OutcomePosted || !NeedsOutcome);

    public bool NeedsOutcome => Final is "applied" or "approved";
}
