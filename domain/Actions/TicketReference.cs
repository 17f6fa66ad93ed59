using System.Text.Json;

namespace AgentTrust.Domain.Actions;

/// <summary>
/// The ticket an action touches: the ticketing system, its identifier there, and a snapshot of the
/// ticket's fields as the agent saw them (the pact's <c>ticket</c> variable).
/// </summary>
public sealed record TicketReference(string System, string Id, JsonElement? Fields = null);
