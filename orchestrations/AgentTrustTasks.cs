using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Ticketing.WriteBack;
using AgentTrust.Orchestrations.Trust;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations;

/// <summary>
/// The one place that lists AgentTrust's orchestrators and activities. Every host calls it: the Functions app,
/// the local host and the in-process test host, so all three run the same classes under the same names.
/// </summary>
public static class AgentTrustTasks
{
    public static DurableTaskRegistry AddAgentTrustTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<GovernAgentActionOrchestrator>();
        registry.AddActivity<LookUpPactActivity>();
        registry.AddActivity<CountRecentActionsActivity>();
        registry.AddActivity<EvaluatePactActivity>();
        registry.AddActivity<DecideActivity>();
        registry.AddActivity<RecordEvidenceActivity>();
        registry.AddActivity<ApplyToTicketActivity>();
        registry.AddActivity<PlanJuryActivity>();
        registry.AddActivity<JudgeClauseActivity>();
        registry.AddActivity<AggregateJuryActivity>();
        registry.AddActivity<LearnFromHumanActivity>();
        registry.AddActivity<Approvals.NotifyApproversActivity>();
        registry.AddActivity<UpdateTrustActivity>();
        registry.AddActivity<Autonomy.ReadAutonomyActivity>();
        registry.AddActivity<Autonomy.UpdateAutonomyActivity>();
        registry.AddOrchestrator<Disputes.DisputeOrchestrator>();
        registry.AddActivity<Disputes.NotifyAdjudicatorsActivity>();
        registry.AddActivity<Disputes.ApplyDisputeTrustActivity>();
        registry.AddActivity<Disputes.RecordDisputeResolutionActivity>();
        registry.AddOrchestrator<RedTeam.RedTeamRunOrchestrator>();
        registry.AddActivity<RedTeam.LoadRedTeamSuiteActivity>();
        registry.AddActivity<RedTeam.AskAgentActivity>();
        registry.AddActivity<RedTeam.SaveRedTeamRunActivity>();
        return registry;
    }
}
