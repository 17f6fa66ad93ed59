namespace AgentTrust.Domain.Metrics;

/// <summary>
/// Computes every ITSM metric from lifecycle events in any order: the events are gathered per ticket and put in time
/// order, each ticket is summed up once, and the summaries are added up overall, per handler and per week x lane x
/// agent x handler. A ticket belongs to the week of its first event (its opening, where the source has one), so a
/// week's figures are about the work that started that week and do not change as later weeks are added.
/// </summary>
public static class ItsmMetricsCalculator
{
    public static MetricsReport Compute(IEnumerable<LifecycleEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var byTicket = new Dictionary<(string, TicketRecordKind), List<LifecycleEvent>>();
        foreach (var e in events)
        {
            var key = (e.TicketId, e.RecordKind);
            if (!byTicket.TryGetValue(key, out var list))
            {
                list = new List<LifecycleEvent>(8);
                byTicket[key] = list;
            }

            list.Add(e);
        }

        var overall = new MetricsAccumulator();
        var byHandler = new Dictionary<WorkHandler, MetricsAccumulator>();
        var weekly = new Dictionary<(DateOnly, string, string, WorkHandler), MetricsAccumulator>();
        foreach (var ((id, kind), list) in byTicket)
        {
            var ticket = Summarize(kind, list);
            overall.Add(ticket);
            Get(byHandler, ticket.Handler).Add(ticket);
            Get(weekly, (ticket.WeekStart, ticket.Lane, ticket.AgentId, ticket.Handler)).Add(ticket);
        }

        return new MetricsReport(
            overall.ToMetrics(),
            byHandler.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value.ToMetrics()),
            [.. weekly
                .OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).ThenBy(p => p.Key.Item3, StringComparer.Ordinal).ThenBy(p => p.Key.Item4)
                .Select(p => new WeeklyMetrics(p.Key.Item1, p.Key.Item2, p.Key.Item3, p.Key.Item4, p.Value.ToMetrics()))]);
    }

    /// <summary>The Monday (UTC) of the ISO week holding <paramref name="at"/>.</summary>
    public static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var offset = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-offset);
    }

    internal static TicketSummary Summarize(TicketRecordKind kind, List<LifecycleEvent> events)
    {
        // Stable: events at the same instant keep the order the source gave them.
        var ordered = InTimeOrder(events) ? events : [.. events.Select((e, i) => (e, i)).OrderBy(p => p.e.At).ThenBy(p => p.i).Select(p => p.e)];
        var first = ordered[0];
        var owner = ordered.FirstOrDefault(e => e.AgentId is not null) ?? first;
        DateTimeOffset? opened = null, resolved = null;
        bool reopened = false, failed = false, pingPong = false, bounced = false, aboveL1 = false;
        int reassignments = 0, escalations = 0, skips = 0, overturned = 0, level = 0;
        string? team = null;
        HashSet<string>? visited = null;
        foreach (var e in ordered)
        {
            switch (e.Type)
            {
                case LifecycleEventType.Opened:
                    opened ??= e.At;
                    break;
                case LifecycleEventType.Resolved:
                    resolved ??= e.At;
                    break;
                case LifecycleEventType.Reopened:
                    reopened = true;
                    break;
                case LifecycleEventType.Reassigned:
                    reassignments++;
                    break;
                case LifecycleEventType.Escalated:
                    escalations += e.Level is null ? 1 : 0;
                    break;
                case LifecycleEventType.ChangeFailed:
                    failed = true;
                    break;
                case LifecycleEventType.ApprovalOverturned:
                    overturned++;
                    break;
            }

            if (e.Team is not null && e.Team != team)
            {
                visited ??= new HashSet<string>(StringComparer.Ordinal);
                pingPong |= !visited.Add(e.Team);
                team = e.Team;
            }

            var rank = Import.ItsmValues.LevelRank(e.Level);
            if (rank == 0 || rank == level)
            {
                continue;
            }

            if (level == 0)
            {
                aboveL1 = rank > 1;
            }
            else if (rank > level)
            {
                escalations++;
                skips += rank - level > 1 ? 1 : 0;
            }
            else if (escalations > 0)
            {
                bounced = true;
            }

            level = rank;
        }

        double? hours = opened is { } o && resolved is { } r && r >= o ? (r - o).TotalHours : null;
        return new TicketSummary(
            kind, WeekStart(opened ?? first.At), owner.Lane, owner.AgentId ?? string.Empty, owner.Handler,
            hours, reopened, failed, reassignments, visited is not null, pingPong, escalations, bounced, skips, aboveL1, overturned);
    }

    static MetricsAccumulator Get<TKey>(Dictionary<TKey, MetricsAccumulator> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var accumulator))
        {
            accumulator = new MetricsAccumulator();
            map[key] = accumulator;
        }

        return accumulator;
    }

    static bool InTimeOrder(List<LifecycleEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].At < events[i - 1].At)
            {
                return false;
            }
        }

        return true;
    }
}
