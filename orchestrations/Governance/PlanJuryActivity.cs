using AgentTrust.Domain.Judging;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Lists the judges this host has and the jury policy. An activity because both come from the host's services and
/// configuration, which orchestrator code must not read; the pact key is the input so a per-pact policy can follow.
/// </summary>
public sealed class PlanJuryActivity(IEnumerable<IJudge> judges, JuryPolicy policy) : TaskActivity<PactKey, JuryPlan>
{
    public override Task<JuryPlan> RunAsync(TaskActivityContext context, PactKey input) =>
        Task.FromResult(new JuryPlan([.. judges.Select(j => j.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], policy));
}
