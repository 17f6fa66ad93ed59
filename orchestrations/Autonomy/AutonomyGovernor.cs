using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>
/// The I/O around the pure <see cref="AutonomyLadder"/>: reads the lane's pact and state, steps the ladder, writes the
/// state under its ETag (re-reading and stepping again when another writer got there first), then writes every tier
/// change and ledger entry as signed evidence. Used by the governed loop (through activities) and by the outcome API.
/// Before a trust signal that could promote to autonomous under a pact with a red-team bar, it reads the agent's latest
/// red-team run through <paramref name="redTeam"/> (none: never cleared) and passes the ladder its clearance.
/// </summary>
public sealed class AutonomyGovernor(
    IAutonomyStore store, IPactStore pacts, ITrustStore trust, IEvidenceStore evidence, TrustParameters parameters,
    Microsoft.Extensions.Options.IOptions<AutonomyOptions> options, RedTeamGate? redTeam = null)
{
    /// <summary>The standing a decision at <paramref name="now"/> is made under, after bringing windows and days up to date.</summary>
    public async Task<AutonomyStanding> StandingAsync(Pact pact, DateTimeOffset now, string ticketSystem, string ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var (state, _) = await StepAsync(pact, AutonomySignal.Tick(now), ticketSystem, ticketId, cancellationToken).ConfigureAwait(false);
        var stored = await trust.GetAsync(pact.AgentId, pact.Lane, cancellationToken).ConfigureAwait(false);
        var score = stored is null ? null : TrustScoring.Score(stored, now, parameters);
        return AutonomyLadder.Standing(pact, state, score, now);
    }

    /// <summary>
    /// Folds a trust change into the lane's autonomy under <paramref name="pact"/> (the lane's current pact when null);
    /// null when no pact governs the lane.
    /// </summary>
    public async Task<AutonomyStep?> ApplyTrustAsync(
        TrustChange change, Pact? pact, PactEvaluation? evaluation, IReadOnlyList<JuryResult>? juries, string ticketSystem, string ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var signal = change.Signal;
        pact ??= (await pacts.GetAsync(new PactKey(signal.AgentId, signal.Lane), cancellationToken).ConfigureAwait(false))?.Pact;
        if (pact is null)
        {
            return null;
        }

        var (violations, critical) = Violations(pact, evaluation, juries);
        var input = new AutonomySignal(
            AutonomySignalKind.Trust, signal.SignalId, signal.OccurredAt, change.After, signal.Loss > 0, violations, critical, signal.ActionId, signal.Reason);
        var (_, step) = await StepAsync(pact, input, ticketSystem, ticketId, cancellationToken).ConfigureAwait(false);
        return step;
    }

    /// <summary>Spends one autonomous action of the day (the action was applied without a human).</summary>
    public async Task<AutonomyStep?> SpendAsync(Pact pact, string actionId, DateTimeOffset at, string ticketSystem, string ticketId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var (_, step) = await StepAsync(pact, AutonomySignal.Spend(actionId, at), ticketSystem, ticketId, cancellationToken).ConfigureAwait(false);
        return step;
    }

    public Task<IReadOnlyList<AutonomyState>> ListAsync(string agentId, CancellationToken cancellationToken = default) =>
        store.ListAsync(agentId, cancellationToken);

    /// <summary>How many clauses an evaluation (with its juries) broke, and whether one of them was critical.</summary>
    public static (int Violations, bool Critical) Violations(Pact pact, PactEvaluation? evaluation, IReadOnlyList<JuryResult>? juries)
    {
        ArgumentNullException.ThrowIfNull(pact);
        if (evaluation is null)
        {
            return (0, false);
        }

        var count = evaluation.ActionAllowed ? 0 : 1;
        var critical = false;
        foreach (var clause in evaluation.Clauses)
        {
            var failed = clause.Outcome == ClauseOutcome.Violated
                || (clause.Outcome == ClauseOutcome.Deferred && (juries ?? []).Any(j => j.ClauseId == clause.ClauseId && j.Outcome == JuryOutcome.Fail));
            if (failed && clause.Severity > ClauseSeverity.Info)
            {
                count++;
                critical |= clause.Severity == ClauseSeverity.Critical;
            }
        }

        return (count, critical);
    }

    async Task<(AutonomyState? State, AutonomyStep? Step)> StepAsync(Pact pact, AutonomySignal signal, string ticketSystem, string ticketId, CancellationToken cancellationToken)
    {
        RedTeamClearance? clearance = null;
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(pact.AgentId, pact.Lane, cancellationToken).ConfigureAwait(false);
            if (clearance is null && signal.Kind == AutonomySignalKind.Trust && redTeam is not null && AutonomyLadder.NeedsRedTeamClearance(pact, current?.State))
            {
                clearance = await redTeam.ClearanceAsync(pact.AgentId, pact.Lane, cancellationToken).ConfigureAwait(false);
            }

            var step = AutonomyLadder.Step(pact, current?.State, signal, clearance);
            if (!step.Changed)
            {
                return (current?.State, step);
            }

            if (!await store.TryPutAsync(step.State, current?.Version, cancellationToken).ConfigureAwait(false))
            {
                if (attempt >= options.Value.MaxConcurrencyRetries)
                {
                    throw new InvalidOperationException($"autonomy of {pact.AgentId}/{pact.Lane} kept changing under {attempt + 1} writes; giving up");
                }

                await Task.Delay(Random.Shared.Next(5, 20 + (attempt * 10)), cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Evidence after the state is written: a record is only ever made for a change that happened.
            foreach (var change in step.TierChanges)
            {
                await evidence.AppendAsync(AutonomyEvidence.Draft(change, ticketSystem, ticketId), cancellationToken).ConfigureAwait(false);
                Telemetry.AgentTrustTelemetry.TierChanges.Add(
                    1, new KeyValuePair<string, object?>("to", change.To.ToString()), new KeyValuePair<string, object?>("lane", change.Lane));
            }

            foreach (var entry in step.LedgerEntries)
            {
                await evidence.AppendAsync(AutonomyEvidence.Draft(entry, ticketSystem, ticketId), cancellationToken).ConfigureAwait(false);
            }

            return (step.State, step);
        }
    }
}
