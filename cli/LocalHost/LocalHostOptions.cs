namespace AgentTrust.Cli.LocalHost;

/// <summary>
/// Settings of the local host, bound from <c>AgentTrust:LocalHost</c>. The defaults suit a laptop on Azurite: a
/// one-minute control-queue visibility (a crash recovers within about a minute), one partition, and a 1 s idle poll.
/// </summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "AgentTrust:LocalHost";

    /// <summary>Where the HTTP API listens; port 0 picks a free port (the chosen URL is printed).</summary>
    public string Url { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The task hub. Never share one with a Functions app: they partition differently.</summary>
    public string TaskHub { get; set; } = "agenttrustlocal";

    public int PartitionCount { get; set; } = 1;

    /// <summary>
    /// How long a control-queue message stays invisible after a crash before another host takes it. The sidecar never
    /// renews it, so it must also outlast the slowest orchestration episode: at 15 s, a CPU-starved machine (load 30-50
    /// on 2 cores, docs/performance.md "Load: saturation") had episodes outlive it, the same message was processed
    /// twice (PopReceiptMismatch) and workflows were left with two ExecutionStarted events, stuck for good. One minute,
    /// as host.json gives the Functions app; crash recovery takes that much longer.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The sidecar never renews activity locks: an activity longer than this runs again (activities are idempotent).</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a dead host's partition lease blocks a restarted one.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int MaxConcurrentActivities { get; set; } = 32;

    public int MaxConcurrentOrchestrations { get; set; } = 32;
}
