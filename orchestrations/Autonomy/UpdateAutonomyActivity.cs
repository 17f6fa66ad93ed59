using AgentTrust.Domain.Decisions;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>
/// Moves the agent's autonomy after a trust update: the ladder steps on the new scores (promotion, demotion,
/// consequence paths, error budget; under a pact with a red-team bar the governor first reads the agent's latest run, see
/// <see cref="RedTeamGate"/>), and an auto-applied action is spent from the day's ledger. Idempotent: the
/// ladder remembers the signal ids it applied, so a retry counts once. Returns the effective tier after (null where no
/// governor is configured).
/// </summary>
public sealed class UpdateAutonomyActivity(IServiceProvider services) : TaskActivity<UpdateAutonomyRequest, Domain.Pacts.AutonomyTier?>
{
    public override async Task<Domain.Pacts.AutonomyTier?> RunAsync(TaskActivityContext context, UpdateAutonomyRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Domain.Autonomy.AutonomyLadder.Moves(input.Pact) || services.GetService<AutonomyGovernor>() is not { } governor)
        {
            return null;
        }

        Domain.Autonomy.AutonomyStep? step = null;
        if (input.Decision == DecisionKind.AutoApply && input.Pact.Autonomy.Ledger?.AutonomousActionsPerDay is not null)
        {
            step = await governor.SpendAsync(input.Pact, input.ActionId, input.At, input.TicketSystem, input.TicketId).ConfigureAwait(false);
        }

        if (input.Change is { } change)
        {
            step = await governor.ApplyTrustAsync(change, input.Pact, input.Evaluation, input.Juries, input.TicketSystem, input.TicketId).ConfigureAwait(false) ?? step;
        }

        return step is null ? null : Domain.Autonomy.AutonomyLadder.Effective(input.Pact.Autonomy, step.State);
    }
}
