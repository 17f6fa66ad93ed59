namespace AgentTrust.Cli.Replay;

/// <summary>
/// A ticket outcome the records show, posted when the replay clock reaches it. <paramref name="Kind"/> is the outcomes
/// API's kind; <c>escalated</c> is posted only when the priority the ticket held after the agent's action had to be raised.
/// </summary>
/// <param name="Approximate">The record has no time for it (a reopen, a priority change): placed where it must have happened.</param>
public sealed record PlannedOutcome(DateTimeOffset At, string Kind, bool Approximate = false);
