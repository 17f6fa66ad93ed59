namespace AgentTrust.Cli.Bench;

/// <summary>
/// One sample of the task hub's queues (approximate message counts): the control queues carry orchestration work
/// (starts, activity results), the work-item queue carries activities waiting for a worker.
/// </summary>
public sealed record QueueDepthSample(double At, int Control, int WorkItems);
