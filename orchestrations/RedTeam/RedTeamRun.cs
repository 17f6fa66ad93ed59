using AgentTrust.Domain.RedTeam;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>
/// A finished red-team run: under which pact and suite, every case's result, the score per severity and whether the
/// agent passed the pact's promotion bar in the lane. <see cref="Status"/> is <c>completed</c>, or <c>no-pact</c> /
/// <c>no-suite</c> when there was nothing to run against (then nothing is scored and the bar is not passed).
/// </summary>
public sealed record RedTeamRun(
    string RunId,
    string AgentId,
    string Lane,
    int AgentVersion,
    string Mode,
    string Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset CompletedAt,
    string? PactHash,
    int PactVersion,
    int SuiteVersion,
    RedTeamScore? Score,
    IReadOnlyList<RedTeamCaseResult> Results,
    string? EvidenceLocation)
{
    public bool PassedBar => Score?.PassedBar == true;
}
