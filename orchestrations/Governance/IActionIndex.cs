namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Which actions an agent proposed in a lane, and when: what a pact's rate limit counts. Recording is idempotent
/// (a retried activity records the same row), so a retry never counts an action twice.
/// </summary>
public interface IActionIndex
{
    /// <summary>Records the action and returns how many other actions of the agent in the lane fall in [At - window, At].</summary>
    Task<int> RecordAndCountAsync(RecentActionsQuery query, CancellationToken cancellationToken = default);
}
