namespace AgentTrust.Cli.Replay;

/// <summary>How one lane of the replay was set up: the agent, its pact, what it learned from and what was replayed.</summary>
public sealed record ReplayLaneSetup(
    string Lane,
    string AgentId,
    string Pact,
    string Source,
    int TrainedOn,
    DateTimeOffset TrainedUntil,
    int ReplayPeriodRecords,
    int Replayed,
    DateTimeOffset ReplayFrom,
    DateTimeOffset ReplayTo,
    double ValidationErrorRate);
