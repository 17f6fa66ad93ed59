using System.Collections.Concurrent;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Orchestrations.Outcomes;

namespace AgentTrust.Tests.Support;

/// <summary>Outcomes in memory, once per event id like the table store.</summary>
internal sealed class InMemoryOutcomeStore : IOutcomeStore
{
    readonly ConcurrentDictionary<string, TicketOutcome> outcomes = new(StringComparer.Ordinal);

    public int Count => outcomes.Count;

    public Task<bool> AddAsync(TicketOutcome outcome, CancellationToken cancellationToken = default) =>
        Task.FromResult(outcomes.TryAdd(outcome.EventId, outcome));

    public Task<IReadOnlyList<TicketOutcome>> ListForTicketAsync(string ticketSystem, string ticketId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TicketOutcome>>(
            [.. outcomes.Values.Where(o => o.TicketSystem == ticketSystem && o.TicketId == ticketId).OrderBy(o => o.OccurredAt)]);
}
