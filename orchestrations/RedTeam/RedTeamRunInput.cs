using AgentTrust.Domain.RedTeam;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>
/// What a red-team run is started with, fixed by the API before it starts so the orchestration stays deterministic:
/// the agent, lane and version, and either the agent's endpoint or its recorded answers (by case id).
/// </summary>
public sealed record RedTeamRunInput(
    string RunId,
    string AgentId,
    string Lane,
    int AgentVersion,
    Uri? Endpoint,
    IReadOnlyDictionary<string, RedTeamReply>? Recorded,
    DateTimeOffset RequestedAt)
{
    public string Mode => Recorded is null ? "endpoint" : "recorded";
}
