using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging;

namespace AgentTrust.Cli.LocalHost;

/// <summary>
/// The local host's orchestration service, minus redelivered start messages. A host killed after it saved a
/// workflow's first history but before it deleted the start message leaves that message in the control queue; the
/// next host receives it again (at-least-once delivery) alongside the saved history. The Durable Task Framework's own
/// dispatcher drops such a duplicate start; the sidecar's dispatcher the local host runs does not, and fails the work
/// item with "Multiple ExecutionStartedEvent found" on every retry, so the action would never be decided. Found by
/// <c>agenttrust chaos</c>. The dropped message stays in the session's batch and is deleted when the work item completes.
/// </summary>
public sealed partial class DuplicateStartFilter(IOrchestrationService inner, ILogger<DuplicateStartFilter> logger) : IOrchestrationService
{
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken).ConfigureAwait(false);
        return workItem is null ? workItem! : Filter(workItem);
    }

    /// <summary>Drops start messages for a workflow whose history already holds its start (as DTFx's own dispatcher does).</summary>
    internal TaskOrchestrationWorkItem Filter(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        var started = workItem.OrchestrationRuntimeState?.Events.Any(e => e is ExecutionStartedEvent) == true;
        if (started && workItem.NewMessages?.Any(m => m.Event is ExecutionStartedEvent) == true)
        {
            var kept = workItem.NewMessages.Where(m => m.Event is not ExecutionStartedEvent).ToList();
            LogDropped(workItem.InstanceId, workItem.NewMessages.Count - kept.Count);
            workItem.NewMessages = kept;
        }

        return workItem;
    }

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{InstanceId}: dropped {Count} redelivered start message(s) of a workflow that had already started")]
    private partial void LogDropped(string instanceId, int count);
}
