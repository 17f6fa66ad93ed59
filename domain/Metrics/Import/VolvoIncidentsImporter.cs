namespace AgentTrust.Domain.Metrics.Import;

/// <summary>
/// BPI 2013 Volvo IT incidents: one row per status change, with the support team (<c>Involved ST</c>) and level
/// (<c>ST Level</c>). The first row opens the ticket at its team and level; a new team is a reassignment, a new level a
/// level change (an escalation when it goes up); the first <c>Completed</c> resolves it, and any other status after a
/// <c>Completed</c> reopens it. The file begins with a byte-order mark (the reader drops it).
/// </summary>
public static class VolvoIncidentsImporter
{
    static readonly string[] Columns = ["SR Number", "Change Date+Time", "Status", "Involved ST", "ST Level"];

    public static ImportResult Read(TextReader reader, string lane)
    {
        if (CsvRows.Open(reader, Columns, out var rows) is { } failure)
        {
            return failure;
        }

        var events = new List<LifecycleEvent>();
        var tickets = new Dictionary<string, TicketState>(StringComparer.Ordinal);

        while (rows.Next())
        {
            var id = ItsmValues.OrNull(rows[0]);
            if (id is null)
            {
                rows.Reject("SR Number is missing");
                continue;
            }

            if (!ItsmValues.TryParseIso(rows[1], out var time))
            {
                rows.Reject($"Change Date+Time '{rows[1]}' is not a date");
                continue;
            }

            var status = rows[2].Trim();
            var team = ItsmValues.OrNull(rows[3]);
            var level = ItsmValues.OrNull(rows[4]);
            if (!tickets.TryGetValue(id, out var state))
            {
                state = new TicketState { Team = team, Level = level };
                tickets[id] = state;
                events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Opened, time, lane, Team: team, Level: level));
            }
            else
            {
                if (team is not null && team != state.Team)
                {
                    events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Reassigned, time, lane, Team: team, Level: level ?? state.Level));
                    state.Team = team;
                }

                if (level is not null && level != state.Level)
                {
                    events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.LevelChanged, time, lane, Team: state.Team, Level: level));
                    state.Level = level;
                }
            }

            if (status == "Completed")
            {
                if (!state.Completed)
                {
                    events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Resolved, time, lane, Team: state.Team, Level: state.Level));
                }

                state.Completed = true;
            }
            else if (state.Completed)
            {
                events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Reopened, time, lane, Team: state.Team, Level: state.Level));
                state.Completed = false;
            }
        }

        return rows.Result(events);
    }

    sealed class TicketState
    {
        public string? Team { get; set; }

        public string? Level { get; set; }

        public bool Completed { get; set; }
    }
}
