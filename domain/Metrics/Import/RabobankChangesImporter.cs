using System.Globalization;

namespace AgentTrust.Domain.Metrics.Import;

/// <summary>
/// BPI 2014 Rabobank changes: one row per change and affected CI, so a change spans several rows. Each change is
/// opened at its record open time and closed at its close time; it failed when any of its rows counts at least one
/// related incident (the usual proxy, since the data has no success flag).
/// </summary>
public static class RabobankChangesImporter
{
    static readonly string[] Columns =
        ["Change ID", "Change record Open Time", "Change record Close Time", "# Related Incidents", "CI Name (aff)"];

    public static ImportResult Read(TextReader reader, string lane)
    {
        if (CsvRows.Open(reader, Columns, out var rows) is { } failure)
        {
            return failure;
        }

        var changes = new Dictionary<string, Change>(StringComparer.Ordinal);
        var order = new List<string>();

        while (rows.Next())
        {
            var id = ItsmValues.OrNull(rows[0]);
            if (id is null)
            {
                rows.Reject("Change ID is missing");
                continue;
            }

            if (!ItsmValues.TryParseIso(rows[1], out var openedAt))
            {
                rows.Reject($"Change record Open Time '{rows[1]}' is not a date");
                continue;
            }

            DateTimeOffset? closedAt = null;
            var close = ItsmValues.OrNull(rows[2]);
            if (close is not null)
            {
                if (!ItsmValues.TryParseIso(close, out var parsed))
                {
                    rows.Reject($"Change record Close Time '{close}' is not a date");
                    continue;
                }

                closedAt = parsed;
            }

            var incidents = 0;
            var related = ItsmValues.OrNull(rows[3]);
            if (related is not null && !int.TryParse(related, NumberStyles.None, CultureInfo.InvariantCulture, out incidents))
            {
                rows.Reject($"# Related Incidents '{related}' is not a whole number");
                continue;
            }

            if (!changes.TryGetValue(id, out var change))
            {
                change = new Change { OpenedAt = openedAt, Team = ItsmValues.OrNull(rows[4]) };
                changes[id] = change;
                order.Add(id);
            }

            change.OpenedAt = openedAt < change.OpenedAt ? openedAt : change.OpenedAt;
            change.ClosedAt = closedAt is { } c && (change.ClosedAt is null || c > change.ClosedAt) ? c : change.ClosedAt;
            change.RelatedIncidents = Math.Max(change.RelatedIncidents, incidents);
        }

        var events = new List<LifecycleEvent>(order.Count * 3);
        foreach (var id in order)
        {
            var change = changes[id];
            events.Add(new LifecycleEvent(id, TicketRecordKind.Change, LifecycleEventType.Opened, change.OpenedAt, lane));
            if (change.ClosedAt is { } closed)
            {
                events.Add(new LifecycleEvent(id, TicketRecordKind.Change, LifecycleEventType.Closed, closed, lane));
            }

            if (change.RelatedIncidents > 0)
            {
                events.Add(new LifecycleEvent(id, TicketRecordKind.Change, LifecycleEventType.ChangeFailed, change.ClosedAt ?? change.OpenedAt, lane));
            }
        }

        return rows.Result(events);
    }

    sealed class Change
    {
        public DateTimeOffset OpenedAt { get; set; }

        public DateTimeOffset? ClosedAt { get; set; }

        public int RelatedIncidents { get; set; }

        public string? Team { get; set; }
    }
}
