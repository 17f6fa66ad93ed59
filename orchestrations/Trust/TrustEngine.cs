using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Telemetry;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>
/// The incremental side of trust: every signal is first written to the agent's evidence log (idempotently: a retry
/// gets the record written first) and then the recorded signal is folded into the stored state (at most once per
/// signal id), so the log always holds every signal the scores count, as they counted it, and a recomputation from it
/// gives the same scores.
/// </summary>
public sealed class TrustEngine(IEvidenceStore evidence, ITrustStore store, ITrustAttributionIndex attribution, TrustParameters parameters, TimeProvider time)
{
    public TrustParameters Parameters => parameters;

    public async Task<TrustChange> ApplyAsync(TrustSignal signal, string ticketSystem, string ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var draft = TrustEvidence.Draft(signal, ticketSystem, ticketId);
        var receipt = await evidence.AppendAsync(draft, cancellationToken).ConfigureAwait(false);
        if (receipt.Existing)
        {
            // A retry: the signal recorded first is the one the evidence (and so every recomputation) counts. A workflow
            // step re-run after a crash can build the same signal with another time, so fold the recorded one.
            var stored = await evidence.ReadStoredAsync(draft, receipt, cancellationToken).ConfigureAwait(false);
            var recorded = TrustEvidence.ReadSignal(stored.Content.Span)
                ?? throw new InvalidDataException($"{receipt.Location} is not a trust-change record.");
            signal = recorded.AgentId == signal.AgentId && recorded.Lane == signal.Lane && recorded.SignalId == signal.SignalId
                ? recorded
                : throw new InvalidDataException($"{receipt.Location} records signal {recorded.SignalId}, not {signal.SignalId}.");
        }

        var result = await store.ApplyAsync(signal, parameters, cancellationToken).ConfigureAwait(false);
        if (result.Applied)
        {
            var direction = signal.Loss > 0 ? "down" : signal.Gain > 0 ? "up" : "none";
            AgentTrustTelemetry.TrustChanges.Add(
                1,
                new KeyValuePair<string, object?>("direction", direction),
                new KeyValuePair<string, object?>("lane", signal.Lane),
                new KeyValuePair<string, object?>("dimension", signal.Dimension.ToString().ToLowerInvariant()));
        }

        var asOf = result.State.LastEventAt ?? signal.OccurredAt;
        return new TrustChange(signal, result.Applied, TrustScoring.Score(result.State, asOf, parameters), receipt.Location);
    }

    /// <summary>Remembers that a decision touched a ticket, for outcomes that arrive later.</summary>
    public Task RememberDecisionAsync(TrustAttribution decision, CancellationToken cancellationToken = default) =>
        attribution.RecordAsync(decision, cancellationToken);

    /// <summary>
    /// Attributes an outcome to every agent and lane whose decisions touched the ticket within the attribution window
    /// before it (to the latest such decision of each), and applies it. An outcome seen before changes nothing.
    /// </summary>
    public async Task<IReadOnlyList<TrustChange>> AttributeOutcomeAsync(TicketOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var decisions = await attribution.ListAsync(outcome.TicketSystem, outcome.TicketId, cancellationToken).ConfigureAwait(false);
        var answerable = decisions
            .Where(d => TrustSignals.IsAttributable(d.DecidedAt, outcome.OccurredAt, parameters))
            .Where(d => outcome.AgentId is null || string.Equals(d.AgentId, outcome.AgentId, StringComparison.Ordinal))
            .GroupBy(d => (d.AgentId, d.Lane))
            .Select(g => g.OrderByDescending(d => d.DecidedAt).ThenBy(d => d.ActionId, StringComparer.Ordinal).First())
            .OrderBy(d => d.AgentId, StringComparer.Ordinal).ThenBy(d => d.Lane, StringComparer.Ordinal);
        var changes = new List<TrustChange>();
        foreach (var decision in answerable)
        {
            if (TrustSignals.FromOutcome(outcome, decision.AgentId, decision.Lane, decision.ActionId, parameters) is { } signal)
            {
                changes.Add(await ApplyAsync(signal, outcome.TicketSystem, outcome.TicketId, cancellationToken).ConfigureAwait(false));
            }
        }

        return changes;
    }

    /// <summary>Both scores of every lane of the agent, decayed to now, with the newest changes behind each.</summary>
    public async Task<IReadOnlyList<(TrustScore Score, IReadOnlyList<TrustSignal> Recent)>> ReadAsync(string agentId, int recent, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var lanes = new List<(TrustScore, IReadOnlyList<TrustSignal>)>();
        foreach (var state in await store.ListAsync(agentId, cancellationToken).ConfigureAwait(false))
        {
            var signals = await store.RecentSignalsAsync(agentId, state.Lane, recent, cancellationToken).ConfigureAwait(false);
            lanes.Add((TrustScoring.Score(state, now, parameters), signals));
        }

        return lanes;
    }
}
