namespace AgentTrust.Domain.Metrics;

/// <summary>
/// The ITSM metrics of one set of tickets (see docs/metrics.md for each definition). Rates are fractions (0..1) and
/// are null when their denominator is zero, so "no data" never reads as 0 %.
/// </summary>
/// <param name="Tickets">Tickets (incidents and changes) in the set.</param>
/// <param name="Incidents">Incidents in the set.</param>
/// <param name="Changes">Changes in the set.</param>
/// <param name="ResolvedIncidents">Incidents with an opening and at least one resolution.</param>
/// <param name="MttrHours">Mean time to resolve, opening to first resolution, in hours.</param>
/// <param name="MedianTtrHours">Median time to resolve, in hours.</param>
/// <param name="ReopenedIncidents">Resolved incidents reopened at least once.</param>
/// <param name="ReopenRate">ReopenedIncidents / ResolvedIncidents.</param>
/// <param name="FailedChanges">Changes with at least one related incident.</param>
/// <param name="ChangeFailureRate">FailedChanges / Changes.</param>
/// <param name="Reassignments">Moves to another team, all tickets.</param>
/// <param name="ReassignedIncidents">Incidents moved at least once.</param>
/// <param name="PingPongIncidents">Incidents that went back to a team they had already left.</param>
/// <param name="PingPongRate">PingPongIncidents / incidents whose team is known (null when the source names no teams).</param>
/// <param name="EscalatedIncidents">Incidents escalated at least once (explicitly, or the support level went up).</param>
/// <param name="WarrantedEscalations">Escalated incidents that stayed up (never came back down a level).</param>
/// <param name="BouncedEscalations">Escalated incidents that came back down a level afterwards.</param>
/// <param name="EscalationBounceRate">BouncedEscalations / EscalatedIncidents.</param>
/// <param name="LevelSkips">Escalation steps that skipped a level (L1 to L3).</param>
/// <param name="StartedAboveL1">Incidents whose first support level was above L1.</param>
/// <param name="ApprovalsOverturned">Approvals later overturned.</param>
public sealed record ItsmMetrics(
    int Tickets,
    int Incidents,
    int Changes,
    int ResolvedIncidents,
    double? MttrHours,
    double? MedianTtrHours,
    int ReopenedIncidents,
    double? ReopenRate,
    int FailedChanges,
    double? ChangeFailureRate,
    int Reassignments,
    int ReassignedIncidents,
    int PingPongIncidents,
    double? PingPongRate,
    int EscalatedIncidents,
    int WarrantedEscalations,
    int BouncedEscalations,
    double? EscalationBounceRate,
    int LevelSkips,
    int StartedAboveL1,
    int ApprovalsOverturned);
