using AgentTrust.Domain.Outcomes;

namespace AgentTrust.Orchestrations.Outcomes;

/// <summary>Recording an outcome so that a retried delivery is attributed exactly as the first one was.</summary>
public static class OutcomeRecording
{
    /// <summary>
    /// Stores the outcome once per event id and returns the copy that stands: on a repeat, the first one stored. A
    /// sender's retry may differ from its first try (a fresh <c>occurredAt</c>), and attributing the retry's copy
    /// after a crash between storing and attributing would fold a signal into the scores that the evidence, written
    /// from the first copy, does not hold.
    /// </summary>
    public static async Task<(bool Added, TicketOutcome Standing)> AddOrGetAsync(this IOutcomeStore store, TicketOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(outcome);
        if (await store.AddAsync(outcome, cancellationToken).ConfigureAwait(false))
        {
            return (true, outcome);
        }

        var stored = await store.ListForTicketAsync(outcome.TicketSystem, outcome.TicketId, cancellationToken).ConfigureAwait(false);
        return (false, stored.FirstOrDefault(o => string.Equals(o.EventId, outcome.EventId, StringComparison.Ordinal)) ?? outcome);
    }
}
