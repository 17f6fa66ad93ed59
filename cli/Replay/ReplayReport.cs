using AgentTrust.Domain.Evaluation;

namespace AgentTrust.Cli.Replay;

/// <summary>What <c>agenttrust replay</c> writes at the end (as JSON and Markdown): the comparison per lane and every action.</summary>
public sealed record ReplayReport(
    string Command,
    string Machine,
    string ApiUrl,
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    int OutcomesPosted,
    int OutcomesAttributed,
    IReadOnlyList<ReplayLaneSetup> Setup,
    IReadOnlyList<LaneComparison> Lanes,
    IReadOnlyList<ReplayedRecord> Actions,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement> Trust);
