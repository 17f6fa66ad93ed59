namespace AgentTrust.Domain.Performance;

/// <summary>
/// One row of a durable workflow's history as the load mode reads it: the event's type (<c>ExecutionStarted</c>,
/// <c>OrchestratorStarted</c>, <c>TaskScheduled</c>, <c>TaskCompleted</c>, ...), the activity's name for a scheduled task, the
/// event id, the id of the scheduled task a result answers, and when the event happened.
/// </summary>
public sealed record HistoryEvent(string EventType, string? Name, int EventId, int? TaskScheduledId, DateTimeOffset At);
