namespace AgentTrust.Domain.Metrics;

/// <summary>Adds ticket summaries up into one <see cref="ItsmMetrics"/>.</summary>
internal sealed class MetricsAccumulator
{
    readonly List<double> hoursToResolve = [];
    int tickets, incidents, withTeam, changes, reopened, failed, reassignments, reassigned, pingPong, escalated, bounced, skips, aboveL1, overturned;

    public void Add(TicketSummary ticket)
    {
        tickets++;
        reassignments += ticket.Reassignments;
        overturned += ticket.ApprovalsOverturned;
        if (ticket.Kind == TicketRecordKind.Change)
        {
            changes++;
            failed += ticket.Failed ? 1 : 0;
            return;
        }

        incidents++;
        if (ticket.HoursToResolve is { } hours)
        {
            hoursToResolve.Add(hours);
            reopened += ticket.Reopened ? 1 : 0;
        }

        reassigned += ticket.Reassignments > 0 ? 1 : 0;
        pingPong += ticket.PingPong ? 1 : 0;
        withTeam += ticket.TeamKnown ? 1 : 0;
        if (ticket.Escalations > 0)
        {
            escalated++;
            bounced += ticket.Bounced ? 1 : 0;
        }

        skips += ticket.LevelSkips;
        aboveL1 += ticket.StartedAboveL1 ? 1 : 0;
    }

    public ItsmMetrics ToMetrics()
    {
        double? mean = null, median = null;
        if (hoursToResolve.Count > 0)
        {
            hoursToResolve.Sort();
            mean = hoursToResolve.Average();
            var mid = hoursToResolve.Count / 2;
            median = hoursToResolve.Count % 2 == 1 ? hoursToResolve[mid] : (hoursToResolve[mid - 1] + hoursToResolve[mid]) / 2;
        }

        var resolved = hoursToResolve.Count;
        return new ItsmMetrics(
            tickets, incidents, changes, resolved, mean, median,
            reopened, Rate(reopened, resolved),
            failed, Rate(failed, changes),
            reassignments, reassigned, pingPong, Rate(pingPong, withTeam),
            escalated, escalated - bounced, bounced, Rate(bounced, escalated),
            skips, aboveL1, overturned);
    }

    static double? Rate(int count, int of) => of == 0 ? null : (double)count / of;
}
