using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Judging;

/// <summary>
/// What every judge sees: the judged clause (its id, the question it asks and how much it matters) and the proposed
/// action with its ticket snapshot. The clause is copied in, not referenced, so a judge depends on this contract only.
/// </summary>
/// <param name="ClauseId">The judged clause's id within its pact.</param>
/// <param name="Question">What the clause asks the jury, e.g. "the classification is consistent with the ticket text".</param>
/// <param name="Condition">The clause's own text in the pact (for judged clauses, a statement of what must hold).</param>
/// <param name="Severity">How much breaking the clause matters.</param>
/// <param name="Action">The proposed action, with the ticket as the agent saw it.</param>
public sealed record JudgeRequest(string ClauseId, string Question, string Condition, ClauseSeverity Severity, ProposedAction Action)
{
    public static JudgeRequest For(PactClause clause, ProposedAction action)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(action);
        return new JudgeRequest(clause.Id, clause.Description ?? clause.Condition, clause.Condition, clause.Severity, action);
    }
}
