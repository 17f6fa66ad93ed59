using Microsoft.DurableTask;

namespace AgentTrust.Functions.Tasks;

/// <summary>The activity context a class-based activity expects, built from what an activity trigger receives.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
