using AgentTrust.Domain.Judging;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>
/// The jury's second look at a disputed action: its result on every judged clause of the pact, and what that says about
/// the agent (<see cref="AgentAtFault"/>: true when a clause failed, false when every clause passed, null when the jury
/// was uncertain or had nothing to judge). Advisory: the adjudicator decides.
/// </summary>
public sealed record DisputeJuryView(IReadOnlyList<JuryResult> Juries, bool? AgentAtFault, string Summary)
{
    public static DisputeJuryView From(IReadOnlyList<JuryResult> juries)
    {
        ArgumentNullException.ThrowIfNull(juries);
        if (juries.Count == 0)
        {
            return new DisputeJuryView(juries, null, "the pact has no judged clause: the jury had nothing to judge");
        }

        var failed = juries.Where(j => j.Outcome == JuryOutcome.Fail).Select(j => j.ClauseId).ToList();
        if (failed.Count > 0)
        {
            return new DisputeJuryView(juries, true, "the jury failed: " + string.Join(", ", failed));
        }

        return juries.All(j => j.Outcome == JuryOutcome.Pass)
            ? new DisputeJuryView(juries, false, "the jury passed every judged clause")
            : new DisputeJuryView(juries, null, "the jury was uncertain on: " + string.Join(", ", juries.Where(j => j.Outcome != JuryOutcome.Pass).Select(j => j.ClauseId)));
    }
}
