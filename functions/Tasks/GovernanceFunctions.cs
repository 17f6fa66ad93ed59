using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.Ticketing.WriteBack;
using AgentTrust.Orchestrations.Trust;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AgentTrust.Functions.Tasks;

/// <summary>
/// Trigger functions for the governed-action workflow. Each is named after the class it runs, so the names the
/// orchestrator calls (<c>nameof(...)</c>) are the names the Functions host dispatches.
/// </summary>
public sealed class GovernanceFunctions(AgentTrustTaskCatalog catalog, IServiceProvider services)
{
    [Function(nameof(GovernAgentActionOrchestrator))]
    public Task<GovernanceOutcome> GovernAgentAction([OrchestrationTrigger] TaskOrchestrationContext context) =>
        catalog.RunOrchestratorAsync<GovernActionInput, GovernanceOutcome>(nameof(GovernAgentActionOrchestrator), context, services);

    [Function(nameof(LookUpPactActivity))]
    public Task<StoredPact?> LookUpPact([ActivityTrigger] PactKey input, FunctionContext context) =>
        catalog.RunActivityAsync<PactKey, StoredPact?>(nameof(LookUpPactActivity), input, context);

    [Function(nameof(CountRecentActionsActivity))]
    public Task<int> CountRecentActions([ActivityTrigger] RecentActionsQuery input, FunctionContext context) =>
        catalog.RunActivityAsync<RecentActionsQuery, int>(nameof(CountRecentActionsActivity), input, context);

    [Function(nameof(EvaluatePactActivity))]
    public Task<PactEvaluation> EvaluatePact([ActivityTrigger] EvaluatePactRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<EvaluatePactRequest, PactEvaluation>(nameof(EvaluatePactActivity), input, context);

    [Function(nameof(DecideActivity))]
    public Task<Decision> Decide([ActivityTrigger] DecideRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<DecideRequest, Decision>(nameof(DecideActivity), input, context);

    [Function(nameof(RecordEvidenceActivity))]
    public Task<EvidenceReceipt> RecordEvidence([ActivityTrigger] EvidenceDraft input, FunctionContext context) =>
        catalog.RunActivityAsync<EvidenceDraft, EvidenceReceipt>(nameof(RecordEvidenceActivity), input, context);

    [Function(nameof(ApplyToTicketActivity))]
    public Task<WriteBackResult> ApplyToTicket([ActivityTrigger] WriteBackRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<WriteBackRequest, WriteBackResult>(nameof(ApplyToTicketActivity), input, context);

    [Function(nameof(PlanJuryActivity))]
    public Task<JuryPlan> PlanJury([ActivityTrigger] PactKey input, FunctionContext context) =>
        catalog.RunActivityAsync<PactKey, JuryPlan>(nameof(PlanJuryActivity), input, context);

    [Function(nameof(JudgeClauseActivity))]
    public Task<JudgeVerdict> JudgeClause([ActivityTrigger] JudgeClauseRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<JudgeClauseRequest, JudgeVerdict>(nameof(JudgeClauseActivity), input, context);

    [Function(nameof(AggregateJuryActivity))]
    public Task<JuryResult> AggregateJury([ActivityTrigger] AggregateJuryRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<AggregateJuryRequest, JuryResult>(nameof(AggregateJuryActivity), input, context);

    [Function(nameof(LearnFromHumanActivity))]
    public Task<IReadOnlyList<JudgeLabel>> LearnFromHuman([ActivityTrigger] JudgeLabelsRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<JudgeLabelsRequest, IReadOnlyList<JudgeLabel>>(nameof(LearnFromHumanActivity), input, context);

    [Function(nameof(Orchestrations.Approvals.NotifyApproversActivity))]
    public Task<IReadOnlyList<Orchestrations.Approvals.NotificationResult>> NotifyApprovers(
        [ActivityTrigger] Orchestrations.Approvals.NotifyApproversRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<Orchestrations.Approvals.NotifyApproversRequest, IReadOnlyList<Orchestrations.Approvals.NotificationResult>>(
            nameof(Orchestrations.Approvals.NotifyApproversActivity), input, context);

    [Function(nameof(UpdateTrustActivity))]
    public Task<TrustChange?> UpdateTrust([ActivityTrigger] UpdateTrustRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<UpdateTrustRequest, TrustChange?>(nameof(UpdateTrustActivity), input, context);

    [Function(nameof(Orchestrations.Autonomy.ReadAutonomyActivity))]
    public Task<Domain.Autonomy.AutonomyStanding?> ReadAutonomy([ActivityTrigger] Orchestrations.Autonomy.ReadAutonomyRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<Orchestrations.Autonomy.ReadAutonomyRequest, Domain.Autonomy.AutonomyStanding?>(nameof(Orchestrations.Autonomy.ReadAutonomyActivity), input, context);

    [Function(nameof(Orchestrations.Autonomy.UpdateAutonomyActivity))]
    public Task<Domain.Pacts.AutonomyTier?> UpdateAutonomy([ActivityTrigger] Orchestrations.Autonomy.UpdateAutonomyRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<Orchestrations.Autonomy.UpdateAutonomyRequest, Domain.Pacts.AutonomyTier?>(nameof(Orchestrations.Autonomy.UpdateAutonomyActivity), input, context);
    [Function(nameof(Orchestrations.RedTeam.RedTeamRunOrchestrator))]
    public Task<Orchestrations.RedTeam.RedTeamRun> RedTeamRun([OrchestrationTrigger] TaskOrchestrationContext context) =>
        catalog.RunOrchestratorAsync<Orchestrations.RedTeam.RedTeamRunInput, Orchestrations.RedTeam.RedTeamRun>(
            nameof(Orchestrations.RedTeam.RedTeamRunOrchestrator), context, services);

    [Function(nameof(Orchestrations.RedTeam.LoadRedTeamSuiteActivity))]
    public Task<AgentTrust.Domain.RedTeam.RedTeamSuite?> LoadRedTeamSuite([ActivityTrigger] string input, FunctionContext context) =>
        catalog.RunActivityAsync<string, AgentTrust.Domain.RedTeam.RedTeamSuite?>(nameof(Orchestrations.RedTeam.LoadRedTeamSuiteActivity), input, context);

    [Function(nameof(Orchestrations.RedTeam.AskAgentActivity))]
    public Task<AgentTrust.Domain.RedTeam.RedTeamReply> AskAgent([ActivityTrigger] Orchestrations.RedTeam.AskAgentRequest input, FunctionContext context) =>
        catalog.RunActivityAsync<Orchestrations.RedTeam.AskAgentRequest, AgentTrust.Domain.RedTeam.RedTeamReply>(nameof(Orchestrations.RedTeam.AskAgentActivity), input, context);

    [Function(nameof(Orchestrations.RedTeam.SaveRedTeamRunActivity))]
    public Task<bool> SaveRedTeamRun([ActivityTrigger] Orchestrations.RedTeam.RedTeamRun input, FunctionContext context) =>
        catalog.RunActivityAsync<Orchestrations.RedTeam.RedTeamRun, bool>(nameof(Orchestrations.RedTeam.SaveRedTeamRunActivity), input, context);
}
