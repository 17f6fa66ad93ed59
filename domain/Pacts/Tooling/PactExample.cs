using System.Text.Json;
using AgentTrust.Domain.Actions;

namespace AgentTrust.Domain.Pacts.Tooling;

/// <summary>
/// One example action in an examples file, with the outcome the pact must give it: <c>allow</c>, <c>human</c>,
/// <c>block</c> or <c>shadow</c>. <see cref="Judgments"/> stands in for the jury on judged clauses; without one a
/// judged clause stays deferred (which sends the action to a human).
/// </summary>
public sealed record PactExample(
    string Name,
    string Expect,
    string? Type = null,
    double Confidence = 1,
    JsonElement? Fields = null,
    TicketReference? Ticket = null,
    int RecentActions = 0,
    DateTimeOffset? Now = null,
    string? Rationale = null,
    IReadOnlyDictionary<string, ClauseOutcome>? Clauses = null,
    IReadOnlyDictionary<string, ClauseOutcome>? Judgments = null);
