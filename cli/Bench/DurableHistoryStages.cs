using Azure.Data.Tables;
using AgentTrust.Domain.Performance;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// Per-stage latencies of governed actions from the timestamps Durable Task itself records in the task hub's History
/// table: for each activity, from the moment the orchestrator scheduled it to the moment its result was recorded
/// (queueing on the work-item queue plus the work); for each episode, how long an activity's result waited before the
/// orchestrator picked it up (the control queue and the orchestration dispatcher); and from the workflow's creation to
/// its first episode. These are the real timings of the real run, read afterwards, so reading them adds no load while
/// the run is measured.
/// </summary>
public static class DurableHistoryStages
{
    public const string OrchestratorPickUp = "(orchestrator pick-up of a result)";

    public const string FirstEpisode = "(creation to first episode)";

    static readonly string[] Columns = ["EventType", "Name", "EventId", "TaskScheduledId", "_Timestamp"];

    public static async Task<IReadOnlyDictionary<string, LatencySummary>> ReadAsync(
        string connectionString, string taskHub, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var table = new TableClient(connectionString, taskHub + "History");
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(4);
        var histories = await Task.WhenAll(instanceIds.Select(async id =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var rows = new List<HistoryRow>();
                await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    if (entity.GetString("EventType") is { } type && entity.GetDateTimeOffset("_Timestamp") is { } at)
                    {
                        rows.Add(new HistoryRow(entity.RowKey, type, entity.GetString("Name"), entity.GetInt32("EventId") ?? -1, entity.GetInt32("TaskScheduledId"), at));
                    }
                }

                return rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        foreach (var history in histories)
        {
            Add(samples, history);
        }

        return samples.ToDictionary(p => p.Key, p => LatencySummary.Of(p.Value), StringComparer.Ordinal);
    }

    /// <summary>Adds one instance's stage latencies (milliseconds) from its history rows in order.</summary>
    internal static void Add(Dictionary<string, List<double>> samples, IReadOnlyList<HistoryRow> history)
    {
        var scheduled = new Dictionary<int, HistoryRow>();
        DateTimeOffset? episodeStart = null;
        DateTimeOffset? created = null;
        var firstEpisodeSeen = false;
        foreach (var row in history)
        {
            switch (row.EventType)
            {
                case "ExecutionStarted":
                    created = row.At;
                    break;
                case "OrchestratorStarted":
                    episodeStart = row.At;
                    if (!firstEpisodeSeen && created is { } c)
                    {
                        firstEpisodeSeen = true;
                        Sample(samples, FirstEpisode, (row.At - c).TotalMilliseconds);
                    }

                    break;
                case "TaskScheduled":
                    scheduled[row.EventId] = row;
                    break;
                case "TaskCompleted" or "TaskFailed" when row.TaskScheduledId is { } id && scheduled.TryGetValue(id, out var task):
                    Sample(samples, task.Name ?? "activity", (row.At - task.At).TotalMilliseconds);
                    if (episodeStart is { } picked)
                    {
                        Sample(samples, OrchestratorPickUp, (picked - row.At).TotalMilliseconds);
                    }

                    break;
            }
        }
    }

    static void Sample(Dictionary<string, List<double>> samples, string stage, double milliseconds)
    {
        if (!samples.TryGetValue(stage, out var list))
        {
            samples[stage] = list = [];
        }

        list.Add(Math.Max(0, milliseconds));
    }

    internal sealed record HistoryRow(string RowKey, string EventType, string? Name, int EventId, int? TaskScheduledId, DateTimeOffset At);
}
