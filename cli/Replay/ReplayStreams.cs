using System.Globalization;
using AgentTrust.Cli.Demo;
using AgentTrust.Domain.Evaluation;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// Turns the records into the replay's stream: each agent is trained on the records of the first part of the period
/// and replayed on a systematic sample of the rest (every k-th record, so the sample keeps time order and spans the
/// whole later period, where drift lives).
/// </summary>
public static class ReplayStreams
{
    public const string IncidentAgentId = "replay-priority-model";
    public const string ChangeAgentId = "replay-change-risk";

    public static (IReadOnlyList<ReplayItem> Items, ReplayLaneSetup Setup) Incidents(IReadOnlyList<ServiceNowIncident> all, double trainFraction, int limit)
    {
        ArgumentNullException.ThrowIfNull(all);
        var ordered = all.OrderBy(i => i.OpenedAt).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
        var trainCount = (int)(ordered.Count * trainFraction);
        var agent = new IncidentPriorityAgent();
        agent.Train(ordered[..trainCount]);
        var period = ordered[trainCount..];
        var items = new List<ReplayItem>();
        foreach (var incident in Sample(period, limit))
        {
            var (priority, confidence) = agent.Propose(incident);
            var wrong = priority != incident.FinalPriority;
            var opened = new DateTimeOffset(incident.OpenedAt, TimeSpan.Zero);
            DateTimeOffset? resolved = incident.ResolvedAt is { } r && r >= incident.OpenedAt ? new DateTimeOffset(r, TimeSpan.Zero) : null;
            var outcomes = new List<PlannedOutcome>
            {
                // The record keeps the final priority, not when it changed: somewhere between opening and resolution.
                new(opened + ((resolved ?? opened.AddHours(2)) - opened) / 2, "escalated", Approximate: true),
            };
            if (resolved is { } at)
            {
                outcomes.Add(new(at, "resolved"));
                if (incident.ReopenCount > 0)
                {
                    // Reopened after its (first) resolution; the record keeps only the count.
                    outcomes.Add(new(at.AddMinutes(1), "reopened", Approximate: true));
                }
            }

            items.Add(new ReplayItem(
                Domain.Lanes.Lanes.IncidentClassification,
                IncidentAgentId,
                "servicenow",
                incident.Number,
                opened,
                new Dictionary<string, object>
                {
                    ["priority"] = incident.OpenedPriority,
                    ["impact"] = incident.Impact,
                    ["urgency"] = incident.Urgency,
                    ["contact_type"] = incident.ContactType,
                },
                "classify",
                new Dictionary<string, object> { ["priority"] = priority, ["category"] = incident.Category, ["subcategory"] = incident.Subcategory },
                confidence,
                string.Create(CultureInfo.InvariantCulture, $"model probability {confidence:0.000} for P{priority} given impact, urgency, category, symptom and contact type"),
                wrong,
                wrong && Math.Min(priority, incident.FinalPriority) <= 2 ? Downside.High : Downside.Low,
                $"P{priority}",
                $"P{incident.FinalPriority}",
                outcomes,
                (incident.OpenedPriority, priority, incident.FinalPriority)));
        }

        return (items, Setup(Domain.Lanes.Lanes.IncidentClassification, IncidentAgentId, "pacts/replay/incident-priority.pact.yaml",
            "data/replay/servicenow-incidents.csv.gz (UCI ServiceNow event log)", trainCount, new DateTimeOffset(ordered[trainCount - 1].OpenedAt, TimeSpan.Zero),
            period.Count, items, agent.ValidationErrorRate));
    }

    public static (IReadOnlyList<ReplayItem> Items, ReplayLaneSetup Setup) Changes(IReadOnlyList<RabobankChange> all, double trainFraction, int limit)
    {
        ArgumentNullException.ThrowIfNull(all);
        var ordered = all.OrderBy(c => c.OpenedAt).ThenBy(c => c.ChangeId, StringComparer.Ordinal).ToList();
        var trainCount = (int)(ordered.Count * trainFraction);
        var agent = new ChangeRiskAgent();
        agent.Train(ordered[..trainCount]);
        var period = ordered[trainCount..];
        var items = new List<ReplayItem>();
        foreach (var change in Sample(period, limit))
        {
            var (level, probability, confidence) = agent.Propose(change);
            var wrong = ChangeRiskAgent.IsWrong(level, change);
            var outcomes = new List<PlannedOutcome>();
            if (change.ClosedAt is { } closed && closed >= change.OpenedAt)
            {
                outcomes.Add(new(closed, change.Failed ? "change-closed-failed" : "change-closed-successful"));
            }

            items.Add(new ReplayItem(
                Domain.Lanes.Lanes.ChangeRiskWarning,
                ChangeAgentId,
                "rabobank",
                change.ChangeId,
                change.OpenedAt,
                new Dictionary<string, object>
                {
                    ["change_id"] = change.ChangeId,
                    ["change_type"] = change.ChangeType,
                    ["risk_assessment"] = change.RiskAssessment,
                    ["cab_approval_needed"] = change.CabApprovalNeeded,
                    ["affected_cis"] = change.AffectedCis,
                    ["originated_from"] = change.OriginatedFrom,
                    ["ci_type"] = change.CiType,
                },
                "rate-risk",
                new Dictionary<string, object> { ["risk_level"] = level, ["failure_probability"] = probability, ["recommend_cab"] = level == "Major Business Change" },
                confidence,
                string.Create(CultureInfo.InvariantCulture, $"model failure probability {probability:0.0000} from change type, recorded risk, CIs and origin"),
                wrong,
                // A risky change rated low is the damage; a safe change rated high is a false alarm.
                wrong && level == ChangeRiskAgent.Low ? Downside.High : Downside.Low,
                level,
                change.Failed ? $"failed ({change.RelatedIncidents} related incidents)" : "no related incidents",
                outcomes));
        }

        return (items, Setup(Domain.Lanes.Lanes.ChangeRiskWarning, ChangeAgentId, "pacts/replay/change-risk.pact.yaml",
            "data/replay/rabobank-changes.csv.gz (BPI Challenge 2014 Rabobank changes)", trainCount, ordered[trainCount - 1].OpenedAt,
            period.Count, items, agent.ValidationErrorRate));
    }

    /// <summary>Every k-th record of the period, so <paramref name="limit"/> records span it in time order.</summary>
    public static IEnumerable<T> Sample<T>(IReadOnlyList<T> period, int limit)
    {
        ArgumentNullException.ThrowIfNull(period);
        var take = Math.Min(limit, period.Count);
        for (var k = 0; k < take; k++)
        {
            yield return period[(int)((long)k * period.Count / take)];
        }
    }

    static ReplayLaneSetup Setup(
        string lane, string agentId, string pact, string source, int trained, DateTimeOffset trainedUntil, int periodCount, List<ReplayItem> items, double validationError) =>
        new(lane, agentId, pact, source, trained, trainedUntil, periodCount, items.Count,
            items.Count > 0 ? items[0].At : trainedUntil, items.Count > 0 ? items[^1].At : trainedUntil, Math.Round(validationError, 4));
}
