using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;

namespace AgentTrust.Orchestrations.Hosting;

/// <summary>
/// The version every workflow this build starts is stamped with, and what a worker does with the versions it meets:
/// it runs instances of its own version or older (instances started before versioning have none, which counts as
/// older), and leaves a newer one in the queue for a newer worker, so a rolling upgrade or a slot swap never replays
/// new history with old code. The local host sets both through these extensions; the Functions app through host.json
/// (<c>defaultVersion</c>, <c>versionMatchStrategy</c>, <c>versionFailureStrategy</c>), which a test keeps equal.
/// </summary>
/// <remarks>
/// Bump <see cref="Current"/> when a change alters what an orchestrator records in its history (an activity, timer or
/// event wait added, removed or reordered, or an input shape changed), and keep the old path behind
/// <c>context.CompareVersionTo(...) &lt; 0</c> until no instance of the older version is left.
/// </remarks>
public static class WorkflowVersioning
{
    /// <summary>1.0: the governed action, dispute and red-team workflows as first versioned.</summary>
    public const string Current = "1.0";

    /// <summary>A worker's rule: this version or older runs; newer is rejected back to the queue, never failed.</summary>
    public static DurableTaskWorkerOptions.VersioningOptions WorkerOptions() => new()
    {
        Version = Current,
        DefaultVersion = Current,
        MatchStrategy = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder,
        FailureStrategy = DurableTaskWorkerOptions.VersionFailureStrategy.Reject,
    };

    /// <summary>Runs this build's workflow versions and older ones; leaves newer ones for a newer worker.</summary>
    public static IDurableTaskWorkerBuilder UseWorkflowVersioning(this IDurableTaskWorkerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseVersioning(WorkerOptions());
    }

    /// <summary>Stamps every workflow this client starts with <see cref="Current"/>.</summary>
    public static IDurableTaskClientBuilder UseWorkflowVersion(this IDurableTaskClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseDefaultVersion(Current);
    }
}
