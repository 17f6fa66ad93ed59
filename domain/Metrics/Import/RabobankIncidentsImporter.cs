using System.Globalization;

namespace AgentTrust.Domain.Metrics.Import;

/// <summary>
/// BPI 2014 Rabobank incident case attributes: one row per incident with its open, reopen, resolved and close times
/// and its number of reassignments (without the teams, so ping-pong cannot be seen here). The file records only the
/// last resolution, so for a reopened incident MTTR runs to that one. <c>#MULTIVALUE</c> (several linked records) is
/// a value, not an error.
/// </summary>
public static class RabobankIncidentsImporter
{
    static readonly string[] Columns = ["incident_id", "open_time", "reopen_time", "resolved_time", "close_time", "x_reassignments"];

    public static ImportResult Read(TextReader reader, string lane)
    {
        if (CsvRows.Open(reader, Columns, out var rows) is { } failure)
        {
            return failure;
        }

        var events = new List<LifecycleEvent>();
        var row = new DateTimeOffset?[4];

        while (rows.Next())
        {
            var id = ItsmValues.OrNull(rows[0]);
            if (id is null)
            {
                rows.Reject("incident_id is missing");
                continue;
            }

            string? problem = null;
            for (var i = 0; i < 4 && problem is null; i++)
            {
                var text = ItsmValues.OrNull(rows[i + 1]);
                row[i] = null;
                if (text is null)
                {
                    continue;
                }

                if (!ItsmValues.TryParseIso(text, out var parsed))
                {
                    problem = $"{Columns[i + 1]} '{text}' is not a date";
                    break;
                }

                row[i] = parsed;
            }

            if (problem is null && row[0] is null)
            {
                problem = "open_time is missing";
            }

            var reassignments = 0;
            var reassigned = ItsmValues.OrNull(rows[5]);
            if (problem is null && reassigned is not null && !int.TryParse(reassigned, NumberStyles.None, CultureInfo.InvariantCulture, out reassignments))
            {
                problem = $"x_reassignments '{reassigned}' is not a whole number";
            }

            if (problem is not null)
            {
                rows.Reject(problem);
                continue;
            }

            var opened = row[0]!.Value;
            events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Opened, opened, lane));

            // Only the count is known: the reassignments are placed at the opening, where they cannot move any time metric.
            for (var i = 0; i < reassignments; i++)
            {
                events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Reassigned, opened, lane));
            }

            if (row[1] is { } reopened)
            {
                events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Reopened, reopened, lane));
            }

            if (row[2] is { } resolved)
            {
                events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Resolved, resolved, lane));
            }

            if (row[3] is { } closed)
            {
                events.Add(new LifecycleEvent(id, TicketRecordKind.Incident, LifecycleEventType.Closed, closed, lane));
            }
        }

        return rows.Result(events);
    }
}
