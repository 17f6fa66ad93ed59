using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Hashing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Starts the governed workflow for a proposed action, once per agent and idempotency key. Every entry point that
/// turns something into an agent action (the API, the ticketing webhooks) goes through here, so they all share the
/// same idempotency and the same refusal of a reused key.
/// </summary>
public sealed class GovernedActionStarter(TimeProvider time)
{
    /// <summary>Every status: a second start with the same id is refused whatever state the first is in.</summary>
    static readonly IReadOnlyList<string> AllStatuses = Enum.GetNames<OrchestrationRuntimeStatus>();

    public async Task<GovernedActionStart> StartAsync(ProposedAction action, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(client);
        var id = ActionIds.FromIdempotencyKey(action.AgentId, action.IdempotencyKey);
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(GovernAgentActionOrchestrator),
                    new GovernActionInput(action, time.GetUtcNow()),
                    new StartOrchestrationOptions(id) { DedupeStatuses = AllStatuses },
                    cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A concurrent request with the same key may win the race: that is a replay, not an error.
            catch (Exception)
#pragma warning restore CA1031
            {
                existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
        }

        if (existing is null)
        {
            return new GovernedActionStart(id, Replayed: false, KeyReused: false);
        }

        var first = existing.ReadInputAs<GovernActionInput>();
        var reused = first is not null && Digest.OfCanonicalJson(first.Action) != Digest.OfCanonicalJson(action);
        return new GovernedActionStart(id, Replayed: true, KeyReused: reused);
    }
}
