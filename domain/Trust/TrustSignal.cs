namespace AgentTrust.Domain.Trust;

/// <summary>
/// One piece of trust evidence for one agent in one lane: how much it counts for and against the agent, and when it
/// happened. Signals are the unit of the fold: the incremental update applies one, the recomputation applies all of
/// them from the evidence log, and both go through <see cref="TrustFold.Apply"/>.
/// </summary>
/// <param name="SignalId">Unique per agent and lane (e.g. <c>conduct:act-…</c>, <c>outcome:{event id}</c>); a signal applied twice counts once.</param>
/// <param name="Gain">Positive evidence, already weighted.</param>
/// <param name="Loss">Negative evidence, already weighted (severity and the loss multiplier applied).</param>
/// <param name="OccurredAt">When it happened in the world (decision time, ticket event time): decay runs on these, never on the clock.</param>
/// <param name="Reason">Why, in a few words, for people reading the trust API.</param>
/// <param name="Version">The pact hash (and model/prompt) the agent acted under; a change discounts earlier evidence.</param>
/// <param name="ActionId">The governed action the signal is about.</param>
public sealed record TrustSignal(
    string SignalId,
    string AgentId,
    string Lane,
    TrustDimension Dimension,
    double Gain,
    double Loss,
    DateTimeOffset OccurredAt,
    string Reason,
    string? Version = null,
    string? ActionId = null);
