using System.Text.Json;
using AgentTrust.Domain.Actions;

namespace AgentTrust.Domain.Pacts;

/// <summary>
/// What a pact's expressions see: <c>action</c> (the proposed fields plus <c>type</c> and <c>confidence</c>),
/// <c>ticket</c> (the ticket snapshot plus <c>system</c> and <c>id</c>) and <c>context</c> (agent, lane, time).
/// The time comes from the caller, never from a clock here, so evaluation stays a pure function.
/// </summary>
public sealed record EvaluationInput(ProposedAction Action, DateTimeOffset Now)
{
    public static EvaluationInput For(ProposedAction action, DateTimeOffset now) => new(action, now);

    internal static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
