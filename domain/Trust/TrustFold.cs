namespace AgentTrust.Domain.Trust;

/// <summary>
/// The one fold of trust: the incremental update applies <see cref="Apply"/> to the stored state, and the recomputation
/// from evidence applies it to every signal in the log, so both give the same scores by construction (up to the
/// rounding of additions done in a different order).
/// </summary>
public static class TrustFold
{
    public static TrustState Apply(TrustState state, TrustSignal signal, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(parameters);
        var conduct = state.Conduct;
        var outcome = state.Outcome;
        var version = state.Version;
        var since = state.VersionSince;
        var discounts = state.Discounts ?? [];

        // A new pact, model or prompt version starts with discounted trust. Only a signal newer than the current
        // version's start can change it, so late signals from an older version do not discount twice.
        if (signal.Version is { } v && !string.Equals(v, version, StringComparison.Ordinal) && (since is null || signal.OccurredAt >= since))
        {
            if (version is not null)
            {
                conduct = conduct.Discount(parameters.VersionDiscount);
                outcome = outcome.Discount(parameters.VersionDiscount);
                discounts = [.. discounts.Append(signal.OccurredAt).TakeLast(TrustState.MaxDiscounts)];
            }

            version = v;
            since = signal.OccurredAt;
        }
        else if (signal.Version is { } same && string.Equals(same, version, StringComparison.Ordinal) && since is { } start && signal.OccurredAt < start)
        {
            // The current version was in use earlier than first seen (signals arrive out of order): it started then.
            since = signal.OccurredAt;
        }

        // A late signal from before a version change is discounted as if it had arrived before the change.
        var kept = Math.Pow(parameters.VersionDiscount, discounts.Count(d => d > signal.OccurredAt));
        var gain = signal.Gain * kept;
        var loss = signal.Loss * parameters.LossMultiplier * kept;
        if (signal.Dimension == TrustDimension.Conduct)
        {
            conduct = conduct.Add(gain, loss, signal.OccurredAt, parameters);
        }
        else
        {
            outcome = outcome.Add(gain, loss, signal.OccurredAt, parameters);
        }

        var last = state.LastEventAt is { } l && l > signal.OccurredAt ? l : signal.OccurredAt;
        return state with { Conduct = conduct, Outcome = outcome, Version = version, VersionSince = since, LastEventAt = last, Discounts = discounts };
    }

    /// <summary>
    /// Folds a whole log: signals in event-time order (then by id), each (agent, lane, signal id) once. This is what
    /// the recomputation runs.
    /// </summary>
    public static IReadOnlyDictionary<(string AgentId, string Lane), TrustState> FoldAll(IEnumerable<TrustSignal> signals, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(parameters);
        var ordered = signals.ToArray();
        Array.Sort(ordered, static (a, b) =>
        {
            var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.SignalId, b.SignalId);
        });
        var seen = new HashSet<(string, string, string)>();
        var states = new Dictionary<(string AgentId, string Lane), TrustState>();
        foreach (var signal in ordered)
        {
            if (!seen.Add((signal.AgentId, signal.Lane, signal.SignalId)))
            {
                continue;
            }

            var key = (signal.AgentId, signal.Lane);
            var state = states.TryGetValue(key, out var s) ? s : TrustState.New(signal.AgentId, signal.Lane);
            states[key] = Apply(state, signal, parameters);
        }

        return states;
    }
}
