using System.Collections.Concurrent;
using AgentTrust.Orchestrations.Governance;

namespace AgentTrust.Tests.Support;

/// <summary>The action index in memory: idempotent per action id, like the table store.</summary>
internal sealed class InMemoryActionIndex : IActionIndex
{
    readonly ConcurrentDictionary<(string Agent, string Lane, string ActionId), DateTimeOffset> actions = new();

    public Task<int> RecordAndCountAsync(RecentActionsQuery query, CancellationToken cancellationToken = default)
    {
        actions[(query.AgentId, query.Lane, query.ActionId)] = query.At;
        var from = query.At.AddMinutes(-query.WindowMinutes);
        return Task.FromResult(actions.Count(a => a.Key.Agent == query.AgentId && a.Key.Lane == query.Lane && a.Key.ActionId != query.ActionId
            && a.Value >= from && a.Value <= query.At));
    }
}
