using AgentTrust.Domain.Metrics;

namespace AgentTrust.Domain.Reports;

/// <summary>
/// One week's stored ITSM metrics for one kind of handler, summed over lanes and agents: counts add up, MTTR is
/// weighted by resolved incidents, rates are recomputed from the summed counts (never averaged).
/// </summary>
public sealed record MetricsWeek(
    DateOnly WeekStart,
    WorkHandler Handler,
    int Tickets,
    int Incidents,
    int ResolvedIncidents,
    double? MttrHours,
    int ReopenedIncidents,
    double? ReopenRate,
    int Changes,
    int FailedChanges,
    double? ChangeFailureRate,
    int EscalatedIncidents,
    int BouncedEscalations);
