namespace AgentTrust.Domain.Evaluation;

/// <summary>
/// One agent action of a replay with what really happened: the agent's confidence, whether the action was wrong
/// according to the record, how much it would hurt, and where the governed loop sent it.
/// </summary>
/// <param name="Confidence">The agent's own confidence, the only input of the threshold baseline.</param>
/// <param name="Wrong">The record shows a different answer than the agent's (another final priority; a failed change rated low).</param>
/// <param name="Downside">How much the action hurts when it is wrong.</param>
/// <param name="Governed">Where the API's decision sent it.</param>
/// <param name="LaneConstrained">The API's decision named a constrained autonomy tier (supervised, shadow or suspended).</param>
public sealed record ReplayedAction(double Confidence, bool Wrong, Downside Downside, GovernedRoute Governed, bool LaneConstrained = false);
