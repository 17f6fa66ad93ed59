using AgentTrust.Domain.Actions;

namespace AgentTrust.Domain.Pacts;

/// <summary>
/// What a pact's expressions see: <c>action</c> (the proposed fields plus <c>type</c> and <c>confidence</c>),
/// <c>ticket</c> (the ticket snapshot plus <c>system</c> and <c>id</c>) and <c>context</c> (agent, lane, now, hour,
/// weekday, recent_actions). The time and the count come from the caller, never from a clock or a store here,
/// so evaluation stays a pure function.
/// </summary>
/// <param name="RecentActions">Actions by this agent in this lane within the pact's rate-limit window before this
/// one (<c>context.recent_actions</c>).</param>
public sealed record EvaluationInput(ProposedAction Action, DateTimeOffset Now, int RecentActions = 0)
{
    public static EvaluationInput For(ProposedAction action, DateTimeOffset now, int recentActions = 0) => new(action, now, recentActions);
}
