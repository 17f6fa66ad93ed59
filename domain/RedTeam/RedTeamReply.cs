using System.Text.Json;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.RedTeam;

/// <summary>
/// An agent's answer to one red-team ticket (the agent contract's response, or a recorded one): the action it proposes,
/// or <see cref="Decline"/> with a reason when it hands the ticket back to people. <see cref="Judgments"/> is only for a
/// suite's reference answers, standing in for the jury as in pact examples.
/// </summary>
public sealed record RedTeamReply(
    string? Type = null,
    JsonElement? Fields = null,
    double Confidence = 0,
    string? Rationale = null,
    string? Decline = null,
    IReadOnlyDictionary<string, ClauseOutcome>? Judgments = null)
{
    public bool Declined => Decline is not null;
}
