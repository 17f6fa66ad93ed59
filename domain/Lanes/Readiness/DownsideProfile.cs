namespace AgentTrust.Domain.Lanes.Readiness;

/// <summary>
/// How far a lane's mistakes can reach, as far as its pact says today.
/// </summary>
/// <param name="AgentId">The agent whose pact this is.</param>
/// <param name="BlastRadius">0 (nothing reaches a ticket unreviewed) .. 1 (many unreviewed actions, nothing capping their reach).</param>
/// <param name="Reversibility">0 (every allowed action is hard to undo: messages sent, tickets closed) .. 1 (advisory only).</param>
/// <param name="Guardrails">0..1: automatic consequence paths and hard-blocking critical clauses.</param>
/// <param name="Containment">0..1, higher is better contained; the weighted sum of the three.</param>
/// <param name="ActionsPerHour">The pact's rate limit as actions per hour; null when it has none.</param>
/// <param name="BlastRadiusCapped">The pact has a blast-radius clause (e.g. at most five CIs per action).</param>
/// <param name="Tier">The autonomy tier the pact grants.</param>
/// <param name="CriticalClauses">Clauses whose break blocks the action.</param>
/// <param name="ConsequencePaths">Automatic consequences (supervise, shadow, suspend) the pact declares.</param>
/// <param name="IrreversibleActions">Allowed action types judged hard to undo.</param>
public sealed record DownsideProfile(
    string AgentId,
    double BlastRadius,
    double Reversibility,
    double Guardrails,
    double Containment,
    double? ActionsPerHour,
    bool BlastRadiusCapped,
    Pacts.AutonomyTier Tier,
    int CriticalClauses,
    int ConsequencePaths,
    IReadOnlyList<string> IrreversibleActions);
