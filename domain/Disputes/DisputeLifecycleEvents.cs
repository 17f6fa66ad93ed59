using AgentTrust.Domain.Metrics;

namespace AgentTrust.Domain.Disputes;

/// <summary>
/// Resolved disputes as ITSM lifecycle events: a decision that took effect (applied or approved) and was overturned is an
/// "approval overturned" on its ticket, which the escalation quality metric counts. Other resolutions are not events.
/// </summary>
public static class DisputeLifecycleEvents
{
    public static LifecycleEvent? From(DisputeResolutionRow resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        if (resolution.Verdict != DisputeVerdict.Overturned || resolution.Kind != DisputeTargetKind.Decision || !resolution.TookEffect)
        {
            return null;
        }

        var change = string.Equals(resolution.Lane, Lanes.Lanes.ChangeRiskWarning, StringComparison.Ordinal);
        return new LifecycleEvent(
            $"{resolution.TicketSystem}:{resolution.TicketId}",
            change ? TicketRecordKind.Change : TicketRecordKind.Incident,
            LifecycleEventType.ApprovalOverturned,
            resolution.ResolvedAt,
            resolution.Lane,
            WorkHandler.Agent,
            resolution.AgentId);
    }
}
