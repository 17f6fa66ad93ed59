namespace AgentTrust.Domain.Decisions;

/// <summary>
/// The final result of one governed action: its status, the decision behind it, where its evidence is, and the jury's
/// result on each judged clause (none when the pact has no judged clause).
/// </summary>
public sealed record GovernanceOutcome(
    string ActionId,
    ActionStatus Status,
    Decision Decision,
    ApprovalRecord? Approval,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<AgentTrust.Domain.Judging.JuryResult>? Juries = null)
{
    /// <summary>
    /// Set when the decision stands but a step after it failed for good (the write-back to the ticket, after its timeouts
    /// and retries): the action was decided, its ticket was not changed, and a person must apply it. Null when nothing degraded.
    /// </summary>
    public string? Degraded { get; init; }

    /// <summary>The version of the workflow that governed the action (null for workflows started before versioning).</summary>
    public string? WorkflowVersion { get; init; }
}
