namespace AgentTrust.Domain.Pacts;

/// <summary>
/// A behavioural pact: what one agent may do in one lane. A published version is immutable; its content hash
/// (over canonical JSON) is pinned by every evaluation and decision made under it.
/// </summary>
public sealed record Pact(
    string AgentId,
    string Lane,
    int Version,
    string Owner,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<PactClause> Clauses,
    AutonomyPolicy Autonomy,
    ApprovalPolicy Approval,
    string? Description = null);
