using AgentTrust.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.DurableTask.Execution;
using Microsoft.DurableTask;

namespace AgentTrust.Functions.Tasks;

/// <summary>
/// The orchestrators and activities of <see cref="AgentTrustTasks.AddAgentTrustTasks"/>, by name. Without the
/// Durable source generator (not available here) each task needs a trigger function written by hand; the triggers
/// stay one line each by running the registered class through this catalog, so the classes are still listed once.
/// </summary>
public sealed class AgentTrustTaskCatalog
{
    readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> orchestrators;
    readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> activities;

    public AgentTrustTaskCatalog()
    {
        var registry = new DurableTaskRegistry().AddAgentTrustTasks();
        orchestrators = registry.GetOrchestrators().ToDictionary(kv => kv.Key.Name, kv => kv.Value, StringComparer.Ordinal);
        activities = registry.GetActivities().ToDictionary(kv => kv.Key.Name, kv => kv.Value, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> OrchestratorNames => orchestrators.Keys;

    public IReadOnlyCollection<string> ActivityNames => activities.Keys;

    public async Task<TOutput> RunOrchestratorAsync<TInput, TOutput>(string name, TaskOrchestrationContext context, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(context);
        var orchestrator = orchestrators[name](services);
        var result = await orchestrator.RunAsync(context, context.GetInput<TInput>()).ConfigureAwait(true);
        return (TOutput)result!;
    }

    public async Task<TOutput> RunActivityAsync<TInput, TOutput>(string name, TInput input, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var instanceId = function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
        var activity = activities[name](function.InstanceServices);
        var result = await activity.RunAsync(new FunctionActivityContext(new TaskName(name), instanceId), input).ConfigureAwait(false);
        return (TOutput)result!;
    }
}
