using AgentTrust.Domain.Performance;

namespace AgentTrust.Tests.Performance;

public sealed class HistoryStageLatenciesTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);

    static HistoryEvent At(double ms, string type, string? name = null, int id = -1, int? scheduled = null) =>
        new(type, name, id, scheduled, T0.AddMilliseconds(ms));

    [Fact]
    public void Add_TwoActivitiesOverThreeEpisodes_ScheduledToResultAndPickUpPerStage()
    {
        // The shape Durable Task writes: each episode starts with OrchestratorStarted, then the results it picked up,
        // then what it scheduled.
        HistoryEvent[] history =
        [
            At(0, "ExecutionStarted"),
            At(40, "OrchestratorStarted"),
            At(45, "TaskScheduled", "LookUpPactActivity", id: 0),
            At(50, "OrchestratorCompleted"),
            At(300, "OrchestratorStarted"),
            At(120, "TaskCompleted", scheduled: 0),
            At(305, "TaskScheduled", "RecordEvidenceActivity", id: 1),
            At(310, "OrchestratorCompleted"),
            At(900, "OrchestratorStarted"),
            At(805, "TaskCompleted", scheduled: 1),
            At(910, "ExecutionCompleted"),
        ];
        var samples = new Dictionary<string, List<double>>();

        HistoryStageLatencies.Add(samples, history);

        Assert.Equal([40], samples[HistoryStageLatencies.FirstEpisode]);
        Assert.Equal([75], samples["LookUpPactActivity"]);
        Assert.Equal([500], samples["RecordEvidenceActivity"]);
        Assert.Equal([180, 95], samples[HistoryStageLatencies.OrchestratorPickUp]);
    }

    [Fact]
    public void Add_FailedActivityAndParallelFanOut_EachResultMatchedToItsOwnSchedule()
    {
        HistoryEvent[] history =
        [
            At(0, "ExecutionStarted"),
            At(10, "OrchestratorStarted"),
            At(10, "TaskScheduled", "JudgeClauseActivity", id: 3),
            At(10, "TaskScheduled", "JudgeClauseActivity", id: 4),
            At(200, "OrchestratorStarted"),
            At(150, "TaskCompleted", scheduled: 4),
            At(190, "TaskFailed", scheduled: 3),
        ];
        var samples = new Dictionary<string, List<double>>();

        HistoryStageLatencies.Add(samples, history);

        Assert.Equal([140, 180], samples["JudgeClauseActivity"]);
        Assert.Equal([50, 10], samples[HistoryStageLatencies.OrchestratorPickUp]);
    }

    [Fact]
    public void Add_ResultStampedSlightlyAfterItsEpisodeStarted_ClampedToZero()
    {
        HistoryEvent[] history =
        [
            At(0, "OrchestratorStarted"),
            At(1, "TaskScheduled", "DecideActivity", id: 0),
            At(100, "OrchestratorStarted"),
            At(102, "TaskCompleted", scheduled: 0),
        ];
        var samples = new Dictionary<string, List<double>>();

        HistoryStageLatencies.Add(samples, history);

        Assert.Equal([0], samples[HistoryStageLatencies.OrchestratorPickUp]);
        Assert.False(samples.ContainsKey(HistoryStageLatencies.FirstEpisode));
    }
}
