using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>
/// What the governed loop tells the autonomy ladder after a trust update: the trust change (null when no trust engine
/// is configured), the evaluation and juries behind it (for violations and criticality), and, after a decision, its
/// kind (an auto-applied action spends one autonomous action of the day).
/// </summary>
public sealed record UpdateAutonomyRequest(
    Pact Pact,
    string ActionId,
    string TicketSystem,
    string TicketId,
    DateTimeOffset At,
    TrustChange? Change,
    PactEvaluation? Evaluation = null,
    IReadOnlyList<JuryResult>? Juries = null,
    DecisionKind? Decision = null);
