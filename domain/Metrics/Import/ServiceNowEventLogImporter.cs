using System.Globalization;

namespace AgentTrust.Domain.Metrics.Import;

/// <summary>
/// The UCI ServiceNow incident event log: one row per audit update. Rows of one incident are read together and in
/// <c>sys_mod_count</c> order, and events come from the differences between consecutive updates: the first update opens
/// the ticket (at <c>opened_at</c>), a move into <c>Resolved</c> or <c>Closed</c> resolves or closes it (at
/// <c>sys_updated_at</c>), a rise of <c>reopen_count</c> reopens it, a new <c>assignment_group</c> reassigns it.
/// </summary>
public static class ServiceNowEventLogImporter
{
    static readonly string[] Columns =
        ["number", "incident_state", "reopen_count", "sys_mod_count", "opened_at", "sys_updated_at", "assignment_group", "resolved_at"];

    public static ImportResult Read(TextReader reader, string lane)
    {
        if (CsvRows.Open(reader, Columns, out var rows) is { } failure)
        {
            return failure;
        }

        var events = new List<LifecycleEvent>();
        var group = new List<Update>();
        var tickets = new Dictionary<string, TicketState>(StringComparer.Ordinal);

        while (rows.Next())
        {
            var number = rows[0].Trim();
            if (ItsmValues.IsMissing(number))
            {
                rows.Reject("number is missing");
                continue;
            }

            if (!int.TryParse(rows[3], NumberStyles.None, CultureInfo.InvariantCulture, out var modCount)
                || !int.TryParse(rows[2], NumberStyles.None, CultureInfo.InvariantCulture, out var reopenCount))
            {
                rows.Reject("sys_mod_count or reopen_count is not a whole number");
                continue;
            }

            if (!ItsmValues.TryParseDayFirst(rows[4], out var openedAt))
            {
                rows.Reject($"opened_at '{rows[4]}' is not a day-first date");
                continue;
            }

            if (!ItsmValues.TryParseDayFirst(rows[5], out var updatedAt))
            {
                rows.Reject($"sys_updated_at '{rows[5]}' is not a day-first date");
                continue;
            }

            if (group.Count > 0 && group[0].Number != number)
            {
                Flush(group, tickets, events, lane);
            }

            group.Add(new Update(number, rows[1].Trim(), reopenCount, modCount, openedAt, updatedAt, ItsmValues.OrNull(rows[6])));
        }

        Flush(group, tickets, events, lane);
        return rows.Result(events);
    }

    static void Flush(List<Update> group, Dictionary<string, TicketState> tickets, List<LifecycleEvent> events, string lane)
    {
        if (group.Count == 0)
        {
            return;
        }

        // The export is grouped by incident and nearly always in update order; a handful are not, so sort to be sure.
        group.Sort(static (a, b) => a.ModCount.CompareTo(b.ModCount));
        var number = group[0].Number;
        if (!tickets.TryGetValue(number, out var state))
        {
            var opening = group[0];
            state = new TicketState { Team = opening.Group };
            tickets[number] = state;
            events.Add(new LifecycleEvent(number, TicketRecordKind.Incident, LifecycleEventType.Opened, opening.OpenedAt, lane, Team: opening.Group));
        }

        foreach (var update in group)
        {
            if (update.Group is not null && state.Team is not null && update.Group != state.Team)
            {
                events.Add(new LifecycleEvent(number, TicketRecordKind.Incident, LifecycleEventType.Reassigned, update.UpdatedAt, lane, Team: update.Group));
            }

            state.Team = update.Group ?? state.Team;
            if (update.ReopenCount > state.ReopenCount)
            {
                events.Add(new LifecycleEvent(number, TicketRecordKind.Incident, LifecycleEventType.Reopened, update.UpdatedAt, lane, Team: state.Team));
                state.ReopenCount = update.ReopenCount;
            }

            if (update.State != state.State)
            {
                if (update.State == "Resolved" || (update.State == "Closed" && state.State != "Resolved"))
                {
                    // Closing straight from an open state resolves it too: the work ended there.
                    events.Add(new LifecycleEvent(number, TicketRecordKind.Incident, LifecycleEventType.Resolved, update.UpdatedAt, lane, Team: state.Team));
                }

                if (update.State == "Closed")
                {
                    events.Add(new LifecycleEvent(number, TicketRecordKind.Incident, LifecycleEventType.Closed, update.UpdatedAt, lane, Team: state.Team));
                }

                state.State = update.State;
            }
        }

        group.Clear();
    }

    sealed record Update(string Number, string State, int ReopenCount, int ModCount, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string? Group);

    sealed class TicketState
    {
        public string? State { get; set; }

        public string? Team { get; set; }

        public int ReopenCount { get; set; }
    }
}
