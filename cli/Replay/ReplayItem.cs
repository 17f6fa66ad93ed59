using AgentTrust.Domain.Evaluation;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// One record of the replay as an agent action: what the agent proposes about the ticket, what really happened, and
/// the outcomes to post afterwards.
/// </summary>
/// <param name="Proposal">The agent's answer in words ("P3", "Minor Change").</param>
/// <param name="Truth">What the record says really happened ("P2", "failed: 2 related incidents").</param>
/// <param name="Priorities">Incidents only: the opened, proposed and final priority, to decide whether the ticket had to be escalated.</param>
public sealed record ReplayItem(
    string Lane,
    string AgentId,
    string TicketSystem,
    string TicketId,
    DateTimeOffset At,
    IReadOnlyDictionary<string, object> TicketFields,
    string ActionType,
    IReadOnlyDictionary<string, object> ActionFields,
    double Confidence,
    string Rationale,
    bool Wrong,
    Downside Downside,
    string Proposal,
    string Truth,
    IReadOnlyList<PlannedOutcome> Outcomes,
    (int Opened, int Proposed, int Final)? Priorities = null);
