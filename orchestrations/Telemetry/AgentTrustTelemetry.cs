using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentTrust.Orchestrations.Telemetry;

/// <summary>
/// AgentTrust's own traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>, which <c>AddAgentTrustTelemetry</c> exports. Static because instruments are process-wide and
/// cheap when nobody listens; tags never carry secrets, ticket text or payloads, only names and kinds.
/// </summary>
public static class AgentTrustTelemetry
{
    public const string Name = "AgentTrust";

    public static readonly ActivitySource Source = new(Name, "1.0");

    public static readonly Meter Meter = new(Name, "1.0");

    /// <summary>Decisions by kind (auto-apply, require-approval, shadow, block) and lane.</summary>
    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "agenttrust.decisions", unit: "{decision}", description: "Decisions made by the governed loop, by outcome and lane.");

    /// <summary>How long each stage of the loop took (pact look-up, evaluation, decision, evidence, write-back, webhook).</summary>
    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "agenttrust.stage.duration", unit: "ms", description: "Latency of one stage of the governed loop.");

    /// <summary>Changes to an agent's trust score (recorded by the trust engine), by direction and lane.</summary>
    public static readonly Counter<long> TrustChanges = Meter.CreateCounter<long>(
        "agenttrust.trust.changes", unit: "{change}", description: "Trust score changes, by direction and lane.");

    /// <summary>Changes of an agent's effective autonomy tier (recorded by the autonomy governor), by new tier and lane.</summary>
    public static readonly Counter<long> TierChanges = Meter.CreateCounter<long>(
        "agenttrust.autonomy.tier_changes", unit: "{change}", description: "Autonomy tier changes, by new tier and lane.");

    /// <summary>From the proposal to the human's answer, for actions that waited for approval.</summary>
    public static readonly Histogram<double> ApprovalLatency = Meter.CreateHistogram<double>(
        "agenttrust.approval.latency", unit: "s", description: "Time from a proposal to its human approval or rejection.");

    /// <summary>Approval link tokens refused, by reason (malformed, tampered, expired, foreign, replayed).</summary>
    public static readonly Counter<long> ApprovalTokensRefused = Meter.CreateCounter<long>(
        "agenttrust.approval.tokens_refused", unit: "{token}", description: "Approval link tokens refused, by reason.");

    /// <summary>Webhook deliveries by source and result (accepted, ignored, rejected reason).</summary>
    public static readonly Counter<long> Webhooks = Meter.CreateCounter<long>(
        "agenttrust.webhooks", unit: "{delivery}", description: "Ticketing webhook deliveries, by source and result.");

    /// <summary>Ticket outcomes observed, by kind and system.</summary>
    public static readonly Counter<long> Outcomes = Meter.CreateCounter<long>(
        "agenttrust.outcomes", unit: "{outcome}", description: "Ticket outcomes observed, by kind and system.");

    /// <summary>Write-backs to ticketing systems, by system and result.</summary>
    public static readonly Counter<long> WriteBacks = Meter.CreateCounter<long>(
        "agenttrust.writebacks", unit: "{writeback}", description: "Decisions written back to tickets, by system and result.");

    /// <summary>Records how long a stage took since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordStage(string stage, long startTimestamp, string? lane = null)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        StageDuration.Record(elapsed, new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("lane", lane));
    }
}
