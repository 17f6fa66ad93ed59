using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>
/// What the governed loop tells the trust engine: after a decision, the evaluation and juries (conduct); after a
/// human's answer, whether they approved (outcome).
/// </summary>
public sealed record UpdateTrustRequest(
    string ActionId,
    string AgentId,
    string Lane,
    string TicketSystem,
    string TicketId,
    DateTimeOffset At,
    PactEvaluation? Evaluation = null,
    IReadOnlyList<JuryResult>? Juries = null,
    bool? Approved = null);
