using AgentTrust.Domain.Performance;
using Azure.Data.Tables;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// Per-stage latencies of governed actions from the timestamps Durable Task itself records in the task hub's History
/// table (<see cref="HistoryStageLatencies"/>). These are the real timings of the real run, read after it, so reading
/// them adds no load while the run is measured.
/// </summary>
public static class DurableHistoryStages
{
    static readonly string[] Columns = ["EventType", "Name", "EventId", "TaskScheduledId", "_Timestamp"];

    public static async Task<IReadOnlyDictionary<string, LatencySummary>> ReadAsync(
        string connectionString, string taskHub, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var table = new TableClient(connectionString, taskHub + "History");
        using var gate = new SemaphoreSlim(4);
        var histories = await Task.WhenAll(instanceIds.Select(async id =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var rows = new List<(string RowKey, HistoryEvent Event)>();
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id}");
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    // The event's own time is stored as _Timestamp (the table's Timestamp is the row's last write).
                    if (entity.GetString("EventType") is { } type && entity.GetDateTimeOffset("_Timestamp") is { } at)
                    {
                        rows.Add((entity.RowKey, new HistoryEvent(type, entity.GetString("Name"), entity.GetInt32("EventId") ?? -1, entity.GetInt32("TaskScheduledId"), at)));
                    }
                }

                return rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => r.Event).ToList();
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var history in histories)
        {
            HistoryStageLatencies.Add(samples, history);
        }

        return samples.ToDictionary(p => p.Key, p => LatencySummary.Of(p.Value), StringComparer.Ordinal);
    }
}
