using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Orchestrations.Autonomy;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>GET /api/agents/{agent}/autonomy</c>: per lane the agent has acted in, the tier its actions are decided under now,
/// the ladder's own tier and since when, why, the error budget (bad and total events in the window, breached or not)
/// and the ledger (autonomous actions spent today of the allowance, the bond left). Read-only: windows that rolled are
/// shown rolled, and written back by the next decision. A lane not listed runs at its pact's starting tier.
/// </summary>
public sealed class GetAutonomyHandler(AutonomyGovernor autonomy, IPactStore pacts, TimeProvider time)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = request.RouteValue("agent") ?? string.Empty;
        if (!ProposedActionValidator.IdentifierPattern().IsMatch(agent))
        {
            return Problems.NotFound(request, $"There is no agent '{agent}'.");
        }

        var now = time.GetUtcNow();
        var lanes = new List<object>();
        foreach (var stored in await autonomy.ListAsync(agent, cancellationToken).ConfigureAwait(false))
        {
            var pact = (await pacts.GetAsync(new PactKey(agent, stored.Lane), cancellationToken).ConfigureAwait(false))?.Pact;
            var state = pact is null ? stored : AutonomyLadder.Step(pact, stored, AutonomySignal.Tick(now)).State;
            var policy = pact?.Autonomy;
            var budget = policy?.ErrorBudget;
            var inWindow = budget is null ? [] : state.Buckets.Where(b => b.Hour > now - TimeSpan.FromHours(budget.WindowHours)).ToList();
            lanes.Add(new
            {
                lane = state.Lane,
                tier = policy is null ? state.Tier : AutonomyLadder.Effective(policy, state),
                ladderTier = state.Tier,
                since = state.Since,
                reason = state.Reason,
                promotionHeld = state.PromotionHeld,
                startingTier = policy?.Tier,
                sustained = state.Sustained,
                errorBudget = budget is null ? null : new
                {
                    objective = budget.Objective,
                    windowHours = budget.WindowHours,
                    bad = inWindow.Sum(b => b.Bad),
                    total = inWindow.Sum(b => b.Bad + b.Good),
                    breached = state.BudgetBreached,
                    onBreach = budget.OnBreach,
                },
                ledger = policy?.Ledger is not { } terms ? null : new
                {
                    day = state.Day,
                    spentToday = state.Day == AutonomyLadder.DayOf(now) ? state.SpentToday : 0,
                    autonomousActionsPerDay = terms.AutonomousActionsPerDay,
                    bond = state.Bond,
                    initialBond = terms.Bond,
                },
            });
        }

        return ApiResponse.Json(200, new { agentId = agent, asOf = now, lanes, links = new { trust = $"/api/agents/{agent}/trust" } });
    }
}
