namespace AgentTrust.Domain.Pacts;

/// <summary>
/// A behavioural pact: what one agent may do in one lane. A published version is immutable; its content hash
/// (over canonical JSON) is pinned by every evaluation and decision made under it.
/// </summary>
/// <param name="AgentId">The agent the pact governs.</param>
/// <param name="Lane">The lane (see <see cref="Lanes.Lanes"/>).</param>
/// <param name="Version">1, 2, ...: a published version never changes.</param>
/// <param name="Owner">Who answers for the pact (a person or team address).</param>
/// <param name="AllowedActions">The action types the agent may propose; anything else is blocked.</param>
/// <param name="Clauses">The measurable promises, checked on every action.</param>
/// <param name="Autonomy">When the agent may act alone.</param>
/// <param name="Approval">Who approves, how long they have, and whom it escalates to.</param>
/// <param name="Description">What the agent does in this lane, for reviewers.</param>
/// <param name="ActionSchema">The fields an action may carry and their types; expressions may read only these.
/// Pacts without one (written before schemas existed) read fields dynamically.</param>
/// <param name="TicketSchema">The ticket snapshot fields expressions may read, and their types.</param>
/// <param name="RateLimit">At most this many actions per agent and lane in a sliding window.</param>
/// <param name="Consequences">What happens to the agent's autonomy when it breaks the pact.</param>
/// <param name="Downside">How much harm actions can do, and what high-downside actions need beyond confidence.</param>
/// <param name="Promotion">What the agent must prove (its red-team pass rates) before it is promoted to autonomous.</param>
public sealed record Pact(
    string AgentId,
    string Lane,
    int Version,
    string Owner,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<PactClause> Clauses,
    AutonomyPolicy Autonomy,
    ApprovalPolicy Approval,
    string? Description = null,
    IReadOnlyDictionary<string, FieldType>? ActionSchema = null,
    IReadOnlyDictionary<string, FieldType>? TicketSchema = null,
    RateLimit? RateLimit = null,
    IReadOnlyList<ConsequencePath>? Consequences = null,
    DownsidePolicy? Downside = null,
    PromotionPolicy? Promotion = null);
