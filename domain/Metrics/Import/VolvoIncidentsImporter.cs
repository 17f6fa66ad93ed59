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
        ArgumentNullException.ThrowIfNull(reader);
        var csv = new CsvRecordReader(reader);
        var fields = new List<string>(20);
        var events = new List<LifecycleEvent>();
        var unreadable = new List<UnreadableRow>();
        if (CsvHeader.Open(csv, fields, Columns, out var header, out var at) is { } failure)
        {
            return failure;
        }

        var rows = 0L;
        var tickets = new Dictionary<string, TicketState>(StringComparer.Ordinal);
        while (csv.TryRead(fields))
        {
            rows++;
            if (fields.Count != header.Count || csv.LastRecordUnterminated)
            {
                unreadable.Add(new UnreadableRow(csv.RecordLine, csv.LastRecordUnterminated
                    ? "unterminated quoted field"
                    : $"expected {header.Count} fields, found {fields.Count}"));
                continue;
            }

            var id = ItsmValues.OrNull(fields[at[0]]);
            if (id is null)
            {
                unreadable.Add(new UnreadableRow(csv.RecordLine, "SR Number is missing"));
                continue;
            }

            if (!ItsmValues.TryParseIso(fields[at[1]], out var time))
            {
                unreadable.Add(new UnreadableRow(csv.RecordLine, $"Change Date+Time '{fields[at[1]]}' is not a date"));
                continue;
            }

            var status = fields[at[2]].Trim();
            var team = ItsmValues.OrNull(fields[at[3]]);
            var level = ItsmValues.OrNull(fields[at[4]]);
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

        return new ImportResult(events, rows, unreadable);
    }

    sealed class TicketState
    {
        public string? Team { get; set; }

        public string? Level { get; set; }

        public bool Completed { get; set; }
    }
}
