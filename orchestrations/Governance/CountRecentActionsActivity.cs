using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Counts the agent's recent actions in the lane for the pact's rate limit (and records this one).</summary>
public sealed class CountRecentActionsActivity(IActionIndex index) : TaskActivity<RecentActionsQuery, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, RecentActionsQuery input) => index.RecordAndCountAsync(input);
}
