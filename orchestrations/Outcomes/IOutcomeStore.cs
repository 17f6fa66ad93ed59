using AgentTrust.Domain.Outcomes;

namespace AgentTrust.Orchestrations.Outcomes;

/// <summary>Where observed ticket outcomes are kept, once per event id, for the trust engine to read.</summary>
public interface IOutcomeStore
{
    /// <summary>Stores the outcome; false when one with the same event id is already stored (nothing changes).</summary>
    Task<bool> AddAsync(TicketOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Every outcome recorded for one ticket, oldest first.</summary>
    Task<IReadOnlyList<TicketOutcome>> ListForTicketAsync(string ticketSystem, string ticketId, CancellationToken cancellationToken = default);
}
