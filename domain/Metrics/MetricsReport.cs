namespace AgentTrust.Domain.Metrics;

/// <summary>All metrics of a set of lifecycle events: overall, per handler (human beside agent) and per week, lane, agent and handler.</summary>
public sealed record MetricsReport(ItsmMetrics Overall, IReadOnlyDictionary<WorkHandler, ItsmMetrics> ByHandler, IReadOnlyList<WeeklyMetrics> Weekly);
