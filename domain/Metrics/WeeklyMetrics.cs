namespace AgentTrust.Domain.Metrics;

/// <summary>
/// The metrics of the tickets that started in one ISO week (Monday, UTC), in one lane, for one agent (empty for
/// human work) and handler.
/// </summary>
public sealed record WeeklyMetrics(DateOnly WeekStart, string Lane, string AgentId, WorkHandler Handler, ItsmMetrics Metrics);
