using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentTrust.Cli.Demo;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evaluation;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// <c>agenttrust replay --backtest</c>: how a replay pact routes the agent's actions on its own validation period, before
/// any later record is looked at. Each agent is trained on the first four fifths of its training period and proposes
/// for the last fifth; each proposal goes through the real pact evaluator and <see cref="DecisionPolicy"/> (no trust
/// tiers, budgets or consequences: those only come from a live run), and the result is compared, as the replay does,
/// with no governance and a confidence threshold at the same automation rate. This is where a pact author may fix the
/// pact; the replay of the later period then tests it without tuning on the test.
/// </summary>
public static class ReplayBacktest
{
    public static IReadOnlyList<LaneBacktest> Run(
        IReadOnlyList<ServiceNowIncident>? incidents, IReadOnlyList<RabobankChange>? changes, double trainFraction)
    {
        var lanes = new List<LaneBacktest>();
        if (incidents is not null)
        {
            var ordered = incidents.OrderBy(i => i.OpenedAt).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
            var training = ordered[..(int)(ordered.Count * trainFraction)];
            // The replay's own split of the training period: the agent fits four fifths and proposes for the last fifth.
            var (items, setup) = ReplayStreams.Incidents(training, ValidationSplit, int.MaxValue);
            lanes.Add(Backtest(setup, items));
        }

        if (changes is not null)
        {
            var ordered = changes.OrderBy(c => c.OpenedAt).ThenBy(c => c.ChangeId, StringComparer.Ordinal).ToList();
            var training = ordered[..(int)(ordered.Count * trainFraction)];
            var (items, setup) = ReplayStreams.Changes(training, ValidationSplit, int.MaxValue);
            lanes.Add(Backtest(setup, items));
        }

        return lanes;
    }

    /// <summary>The share of the training period the agent fits; the rest is its validation period.</summary>
    public const double ValidationSplit = 0.8;

    public static string Markdown(IReadOnlyList<LaneBacktest> lanes)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        var md = new StringBuilder();
        md.AppendLine("| lane | pact | fitted on | validation actions | arm | threshold | automation | human workload | wrong reached | high-downside |");
        md.AppendLine("|---|---|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var lane in lanes)
        {
            foreach (var arm in new[] { lane.Comparison.None, lane.Comparison.Threshold, lane.Comparison.AgentTrust })
            {
                var name = arm.Arm switch { "none" => "(a) no governance", "threshold" => "(b) confidence threshold", _ => "(c) the pact (static)" };
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {lane.Lane} | `{lane.Pact}` | {lane.TrainedOn} | {lane.Validated} | {name} | {(arm.Threshold is { } t ? t.ToString("0.000", CultureInfo.InvariantCulture) : "-")} | {arm.AutomationRate:P1} | {arm.HumanWorkload} | {arm.WrongReached} | {arm.WrongHighReached} |");
            }
        }

        md.AppendLine();
        foreach (var lane in lanes)
        {
            var c = lane.Comparison;
            var verdict = c.GoalMet ? "met" : c.Threshold.WrongHighReached == 0 && c.AgentTrust.WrongHighReached == 0 ? "not measurable (neither let one through)" : "NOT met";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- {lane.Lane}: {c.WrongHighDownside} high-downside wrong proposals of {c.Actions}; the pact let {c.AgentTrust.WrongHighReached} through at {c.AgentTrust.AutomationRate:P1} automation, the threshold {c.Threshold.WrongHighReached} at {c.Threshold.AutomationRate:P1}: goal {verdict}.");
        }

        return md.ToString();
    }

    static LaneBacktest Backtest(ReplayLaneSetup setup, IReadOnlyList<ReplayItem> items)
    {
        var loaded = PactLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, setup.Pact));
        if (!loaded.Succeeded)
        {
            // The shipped replay pacts are checked by `agenttrust pact test`; a broken one is a bug in this build.
            throw new InvalidOperationException($"{setup.Pact}: " + string.Join("; ", loaded.Errors.Select(e => e.ToString())));
        }

        var pact = loaded.Pact!;
        var compiled = CelPactCompiler.CompileUncached(pact);
        var actions = new List<ReplayedAction>(items.Count);
        foreach (var item in items)
        {
            var action = ActionOf(item);
            var decision = DecisionPolicy.Decide(pact, compiled.Evaluate(EvaluationInput.For(action, item.At)), action);
            var route = decision.Kind switch
            {
                DecisionKind.AutoApply => GovernedRoute.Applied,
                DecisionKind.Block => GovernedRoute.Blocked,
                DecisionKind.Shadow => GovernedRoute.Shadowed,
                _ => GovernedRoute.Human,
            };
            actions.Add(new ReplayedAction(item.Confidence, item.Wrong, item.Downside, route));
        }

        return new LaneBacktest(setup.Lane, setup.Pact, setup.TrainedOn, items.Count, GovernanceComparison.Compare(setup.Lane, actions, setup.ValidationErrorRate));
    }

    /// <summary>The action exactly as the replay proposes it over HTTP (the same fields, ticket snapshot and confidence).</summary>
    static ProposedAction ActionOf(ReplayItem item) => new(
        item.AgentId,
        item.Lane,
        new TicketReference(item.TicketSystem, item.TicketId, JsonSerializer.SerializeToElement(item.TicketFields, JsonDefaults.Options)),
        item.ActionType,
        JsonSerializer.SerializeToElement(item.ActionFields, JsonDefaults.Options),
        item.Confidence,
        "backtest-" + item.TicketId,
        item.Rationale);
}
