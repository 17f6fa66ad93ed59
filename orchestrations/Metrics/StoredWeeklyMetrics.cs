using AgentTrust.Domain.Metrics;

namespace AgentTrust.Orchestrations.Metrics;

/// <summary>One stored row of weekly metrics, as <c>GET /api/metrics/weekly</c> returns it.</summary>
public sealed record StoredWeeklyMetrics(DateOnly WeekStart, string Lane, string AgentId, WorkHandler Handler, ItsmMetrics Metrics, DateTimeOffset ComputedAt);
