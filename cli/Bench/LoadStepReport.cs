using System.Globalization;
using System.Text;
using AgentTrust.Domain.Performance;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// What one open-loop step measured. Latencies run from each request's intended send time (so a late send counts
/// against the system): <see cref="Accept"/> until the POST was answered, <see cref="Decision"/> until the workflow's
/// final decision was visible (its last update, by the server's clock); <see cref="Stages"/> come from the task hub's
/// history, <see cref="StageWork"/> from the product's own stage timer (in-process host only).
/// </summary>
public sealed record LoadStepReport(
    double TargetRate,
    double DurationSeconds,
    int Scheduled,
    int Accepted,
    int Decided,
    int DecidedInWindow,
    int InFlight,
    double AcceptedPerSecond,
    double DecidedPerSecondInWindow,
    double DecidedPerSecondOverall,
    IReadOnlyDictionary<string, int> Errors,
    IReadOnlyDictionary<string, int> Failures,
    IReadOnlyDictionary<string, int> Outcomes,
    LatencySummary SendLag,
    LatencySummary Accept,
    LatencySummary Decision,
    IReadOnlyDictionary<string, LatencySummary> Stages,
    IReadOnlyDictionary<string, LatencySummary> StageWork,
    int MaxInFlight,
    int InFlightAtHalfWindow,
    int InFlightAtWindowEnd,
    IReadOnlyList<QueueDepthSample> Queues,
    CpuSample Cpu)
{
    /// <summary>Requests that failed to be accepted, plus workflows that failed.</summary>
    public int ErrorCount => Errors.Values.Sum();

    /// <summary>
    /// The system no longer follows the target: the number in flight kept growing through the window (at a rate the
    /// system sustains it levels off at rate x latency, Little's law, so it is about the same at the window's middle and
    /// end), or some actions were still undecided when the drain ran out.
    /// </summary>
    public bool Saturated => InFlightAtWindowEnd > (1.5 * InFlightAtHalfWindow) + 2 || InFlight > 0;

    /// <summary>Every request is accounted for: accepted ones are decided or still in flight; the rest are errors.</summary>
    public bool Consistent => Accepted == Decided + InFlight + Errors.GetValueOrDefault(LoadBenchmark.WorkflowFailed) && Accepted + AcceptErrors == Scheduled;

    int AcceptErrors => Errors.Where(e => e.Key != LoadBenchmark.WorkflowFailed).Sum(e => e.Value);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"target {TargetRate:0.##} actions/s for {DurationSeconds:0} s: {Scheduled} scheduled, {Accepted} accepted ({AcceptedPerSecond:0.0}/s), ")
            .Append(CultureInfo.InvariantCulture, $"{Decided} decided ({DecidedInWindow} inside the window: {DecidedPerSecondInWindow:0.0}/s; {DecidedPerSecondOverall:0.0}/s first send to last decision), {InFlight} still in flight, {ErrorCount} errors")
            .AppendLine(Saturated ? "  [SATURATED]" : string.Empty);
        text.AppendLine(CultureInfo.InvariantCulture, $"  outcomes: {Join(Outcomes)}");
        if (Errors.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  errors: {Join(Errors)}");
            foreach (var (failure, count) in Failures)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {count} x {failure}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  send lag (intended -> sent):  {SendLag}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  accept (intended -> 202):     {Accept}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  decision (intended -> final): {Decision}");
        text.AppendLine("  stages from the task hub history (scheduled -> result recorded):");
        foreach (var (stage, summary) in Stages.OrderByDescending(s => s.Value.P50))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {stage,-36} {summary}");
        }

        if (StageWork.Count > 0)
        {
            text.AppendLine("  stage work inside the activity (agenttrust.stage.duration):");
            foreach (var (stage, summary) in StageWork.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {stage,-36} {summary}");
            }
        }

        var maxControl = Queues.Count == 0 ? 0 : Queues.Max(q => q.Control);
        var maxWork = Queues.Count == 0 ? 0 : Queues.Max(q => q.WorkItems);
        var end = Queues.LastOrDefault(q => q.At <= DurationSeconds);
        text.AppendLine(CultureInfo.InvariantCulture, $"  in flight: max {MaxInFlight}, at the window's middle {InFlightAtHalfWindow}, at its end {InFlightAtWindowEnd}; queues ({Queues.Count} samples): control max {maxControl}, work items max {maxWork}; at the window's end control {end?.Control ?? 0}, work items {end?.WorkItems ?? 0}");
        text.Append(CultureInfo.InvariantCulture, $"  cpu (% of one core): this process {Cpu.ThisProcess:0}, azurite {(Cpu.Azurite is { } a ? a.ToString("0", CultureInfo.InvariantCulture) : "n/a")}, machine {Cpu.Machine:0} of {Cpu.Cores * 100}; load average {Cpu.LoadAverage}");
        return text.ToString();
    }

    static string Join(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
}
