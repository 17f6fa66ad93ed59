using AgentTrust.Domain.Disputes;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Orchestrations.Disputes;
using AgentTrust.Orchestrations.Trust;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AgentTrust.Functions.Tasks;

/// <summary>Trigger functions for the dispute workflow, each named after the class it runs.</summary>
public sealed class DisputeFunctions(AgentTrustTaskCatalog catalog, IServiceProvider services)
{
    [Function(nameof(DisputeOrchestrator))]
    public Task<DisputeOutcome> Dispute([OrchestrationTrigger] TaskOrchestrationContext context) =>
        catalog.RunOrchestratorAsync<DisputeInput, DisputeOutcome>(nameof(DisputeOrchestrator), context, services);

    [Function(nameof(NotifyAdjudicatorsActivity))]
    public Task<IReadOnlyList<NotificationResult>> NotifyAdjudicators([ActivityTrigger] DisputeNotice input, FunctionContext context) =>
        catalog.RunActivityAsync<DisputeNotice, IReadOnlyList<NotificationResult>>(nameof(NotifyAdjudicatorsActivity), input, context);

    [Function(nameof(ApplyDisputeTrustActivity))]
    public Task<TrustChange?> ApplyDisputeTrust([ActivityTrigger] DisputeTrustRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<DisputeTrustRequest, TrustChange?>(nameof(ApplyDisputeTrustActivity), input, context);

    [Function(nameof(RecordDisputeResolutionActivity))]
    public Task<bool> RecordDisputeResolution([ActivityTrigger] DisputeResolutionRow input, FunctionContext context) =>
        catalog.RunActivityAsync<DisputeResolutionRow, bool>(nameof(RecordDisputeResolutionActivity), input, context);
}
