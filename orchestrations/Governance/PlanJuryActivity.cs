using AgentTrust.Domain.Judging;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Lists the judges this host has and the jury policy. An activity because both come from the host's services and
/// configuration, which orchestrator code must not read; the pact key is the input so a per-pact policy can follow.
/// A host that registers no judges (or no policy) still works: an empty jury is uncertain and a human decides.
/// </summary>
public sealed class PlanJuryActivity(IServiceProvider services) : TaskActivity<PactKey, JuryPlan>
{
    public override Task<JuryPlan> RunAsync(TaskActivityContext context, PactKey input)
    {
        var judges = services.GetServices<IJudge>();
        var policy = services.GetService<JuryPolicy>() ?? JuryPolicy.Default;
        return Task.FromResult(new JuryPlan([.. judges.Select(j => j.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], policy));
    }
}
