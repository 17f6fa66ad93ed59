namespace AgentTrust.Domain.Performance;

/// <summary>
/// Stage latencies of one workflow from its history, in milliseconds: for each activity, from the moment the
/// orchestrator scheduled it to the moment its result was recorded (the wait on the work-item queue plus the work);
/// for each result, how long it waited before an orchestrator episode picked it up (the control queue and the
/// orchestration dispatcher); and from the workflow's creation to its first episode.
/// </summary>
public static class HistoryStageLatencies
{
    public const string OrchestratorPickUp = "(orchestrator pick-up of a result)";

    public const string FirstEpisode = "(creation to first episode)";

    /// <summary>Adds the latencies of one workflow, whose events are given in history order, to <paramref name="samples"/> by stage.</summary>
    public static void Add(IDictionary<string, List<double>> samples, IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(history);
        var scheduled = new Dictionary<int, HistoryEvent>();
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
                    // A result is recorded in the history of the episode that picked it up, after that episode's start.
                    episodeStart = row.At;
                    if (!firstEpisodeSeen && created is { } c)
                    {
                        firstEpisodeSeen = true;
                        Sample(samples, FirstEpisode, row.At - c);
                    }

                    break;
                case "TaskScheduled":
                    scheduled[row.EventId] = row;
                    break;
                case "TaskCompleted" or "TaskFailed" when row.TaskScheduledId is { } id && scheduled.TryGetValue(id, out var task):
                    Sample(samples, task.Name ?? "activity", row.At - task.At);
                    if (episodeStart is { } picked)
                    {
                        Sample(samples, OrchestratorPickUp, picked - row.At);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Clocks of different processes are not perfectly in step: a latency a few milliseconds below zero is a zero
    /// latency, not a time machine.
    /// </summary>
    static void Sample(IDictionary<string, List<double>> samples, string stage, TimeSpan latency)
    {
        if (!samples.TryGetValue(stage, out var list))
        {
            samples[stage] = list = [];
        }

        list.Add(Math.Max(0, latency.TotalMilliseconds));
    }
}
