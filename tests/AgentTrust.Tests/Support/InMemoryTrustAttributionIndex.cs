using System.Collections.Concurrent;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.Tests.Support;

/// <summary>Ticket to decisions in memory, for orchestration tests.</summary>
internal sealed class InMemoryTrustAttributionIndex : ITrustAttributionIndex
{
    readonly ConcurrentDictionary<(string, string, string), TrustAttribution> rows = new();

    public Task RecordAsync(TrustAttribution attribution, CancellationToken cancellationToken = default)
    {
        rows[(attribution.TicketSystem, attribution.TicketId, attribution.ActionId)] = attribution;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TrustAttribution>> ListAsync(string ticketSystem, string ticketId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TrustAttribution>>([.. rows.Values.Where(r => r.TicketSystem == ticketSystem && r.TicketId == ticketId)]);
}
