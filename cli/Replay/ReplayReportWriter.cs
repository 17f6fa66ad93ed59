using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentTrust.Domain.Evaluation;

namespace AgentTrust.Cli.Replay;

/// <summary>Writes the replay report as <c>replay-report.json</c> (every number and every action) and <c>replay-report.md</c> (the tables).</summary>
public static class ReplayReportWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static async Task<(string Json, string Markdown)> WriteAsync(ReplayReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "replay-report.json");
        var markdown = Path.Combine(directory, "replay-report.md");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
        await File.WriteAllTextAsync(markdown, Markdown(report)).ConfigureAwait(false);
        return (json, markdown);
    }

    public static string Markdown(ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine("# AgentTrust replay report").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- command: `{report.Command}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- machine: {report.Machine}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- API: {report.ApiUrl}, started {report.StartedAt:u}, {report.ElapsedSeconds:0} s, {report.Actions.Count} actions ({report.Actions.Count / Math.Max(1, report.ElapsedSeconds):0.0}/s), {report.OutcomesPosted} outcomes posted ({report.OutcomesAttributed} attributed to a decision)");
        md.AppendLine().AppendLine("| lane | agent | trained on | replayed | replay period | validation error |").AppendLine("|---|---|---|---|---|---|");
        foreach (var s in report.Setup)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Lane} | {s.AgentId} (`{s.Pact}`) | first {s.TrainedOn} records (to {s.TrainedUntil:yyyy-MM-dd}) | {s.Replayed} of {s.ReplayPeriodRecords} | {s.ReplayFrom:yyyy-MM-dd} to {s.ReplayTo:yyyy-MM-dd} | {s.ValidationErrorRate:P1} |");
        }

        md.AppendLine();
        md.AppendLine("| lane | arm | threshold | automation | automated | human workload (reviews + blocked) | wrong reached tickets | high-downside | low-downside | actions from drift to constrained |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var lane in report.Lanes)
        {
            foreach (var arm in new[] { lane.None, lane.Threshold, lane.AgentTrust })
            {
                var name = arm.Arm switch { "none" => "(a) no governance", "threshold" => "(b) confidence threshold", _ => "(c) AgentTrust (API decisions)" };
                var constrained = lane.DriftIndex is null ? "no drift" : arm.ConstrainedAfterDrift?.ToString(CultureInfo.InvariantCulture) ?? "never";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {lane.Lane} | {name} | {(arm.Threshold is { } t ? t.ToString("0.000", CultureInfo.InvariantCulture) : "-")} | {arm.AutomationRate:P1} | {arm.Automated}/{arm.Actions} | {arm.HumanWorkload} ({arm.HumanReviews} + {arm.Blocked}) | {arm.WrongReached} | {arm.WrongHighReached} | {arm.WrongLowReached} | {constrained} |");
            }
        }

        md.AppendLine();
        foreach (var lane in report.Lanes)
        {
            var drift = lane.DriftIndex is { } d
                ? string.Create(CultureInfo.InvariantCulture, $"drift at action {d} (rolling error over {GovernanceComparison.DriftWindow} actions reached the drift line {lane.DriftLine:P1})")
                : string.Create(CultureInfo.InvariantCulture, $"no drift (the rolling error over {GovernanceComparison.DriftWindow} actions never reached the drift line {lane.DriftLine:P1})");
            // Nothing to halve when the baseline let none through: that is only "not measurable" when AgentTrust let none through either.
            var goal = lane.GoalMet
                ? "met"
                : lane.Threshold.WrongHighReached == 0 && lane.AgentTrust.WrongHighReached == 0
                    ? "not measurable (neither let a high-downside wrong action through)"
                    : "NOT met";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- {lane.Lane}: {lane.WrongActions} of {lane.Actions} proposals wrong ({lane.WrongHighDownside} high-downside); {drift}. Goal (at equal automation, at most half the baseline's wrong high-downside actions: {lane.AgentTrust.WrongHighReached} vs {lane.Threshold.WrongHighReached}): {goal}.");
        }

        return md.ToString();
    }
}
