using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Disputes;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Disputes;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Outcomes;
using AgentTrust.Orchestrations.Trust;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/disputes</c>: a requester or resolver contests an agent's decision (by action id) or a ticket outcome
/// attributed to an agent. The target is checked and captured now (a decision must be final; an outcome must be stored
/// and attributed to exactly one agent's decision), then the dispute workflow starts. Idempotent by dispute key (body
/// <c>disputeKey</c> or the <c>Idempotency-Key</c> header): the same key and content answer 200 with the first dispute,
/// the same key with other content is refused (422).
/// </summary>
public sealed class FileDisputeHandler(IOptions<ApiOptions> apiOptions, IOptions<DisputeOptions> disputeOptions, TimeProvider time, IServiceProvider services)
{
    static readonly IReadOnlyList<string> AllStatuses = Enum.GetNames<OrchestrationRuntimeStatus>();

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (JsonRequests.Refuse(request, apiOptions.Value.MaxBodyBytes) is { } refused)
        {
            return refused;
        }

        var (dispute, errors) = DisputeReader.ReadDispute(request.Body, request.Header("Idempotency-Key"));
        if (dispute is null)
        {
            return Problems.Validation(request, "The dispute has errors; nothing was filed.", errors);
        }

        var id = DisputeIds.FromKey(dispute.DisputeKey);
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var (subject, problem) = dispute.Kind == DisputeTargetKind.Decision
                ? await DecisionAsync(request, dispute, client, cancellationToken).ConfigureAwait(false)
                : await OutcomeAsync(request, dispute, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var options = disputeOptions.Value;
            var filedAt = time.GetUtcNow();
            var input = new DisputeInput(
                id, dispute, subject!, filedAt, filedAt.AddSeconds(Math.Max(1, options.TimeoutSeconds)),
                "sha256:" + Digest.OfCanonicalJson(new { dispute, subject }), options.AdjudicatorGroupList());
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(DisputeOrchestrator), input, new StartOrchestrationOptions(id) { DedupeStatuses = AllStatuses }, cancellationToken).ConfigureAwait(false);
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

        var headers = new Dictionary<string, string> { ["Location"] = $"/api/disputes/{id}" };
        if (existing is not null)
        {
            var first = existing.ReadInputAs<DisputeInput>();
            if (first is null || Digest.OfCanonicalJson(first.Request) != Digest.OfCanonicalJson(dispute))
            {
                return Problems.Unprocessable(
                    request, "dispute-key-reused", "The dispute key was used for another dispute",
                    $"Key '{dispute.DisputeKey}' already names dispute {id} with other content; use a new key for a new dispute.");
            }

            headers["Idempotent-Replayed"] = "true";
        }

        var metadata = existing ?? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return ApiResponse.Json(
            existing is null ? 202 : 200,
            metadata is null ? new { id, status = "open" } : (object)DisputeViews.From(metadata, request.Url),
            headers);
    }

    /// <summary>The governed action, which must exist and be decided: a decision still being made is not contested yet.</summary>
    static async Task<(DisputedSubject? Subject, ApiResponse? Problem)> DecisionAsync(
        ApiRequest request, DisputeRequest dispute, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(dispute.ActionId!, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        var input = metadata?.SerializedInput is null ? null : metadata.ReadInputAs<GovernActionInput>();
        if (metadata is null || input is null)
        {
            return (null, Problems.Unprocessable(request, "dispute-target-not-found", "There is no such action", $"There is no action '{dispute.ActionId}'.",
                [new FieldError("actionId", "names no governed action")]));
        }

        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed || metadata.ReadOutputAs<GovernanceOutcome>() is not { } outcome)
        {
            var status = ActionViews.From(metadata, request.Url).Status;
            return (null, Problems.Conflict(request, "action-not-final", "The action has no final decision yet",
                $"Action '{dispute.ActionId}' is '{status}'; contest it once it is decided."));
        }

        if (dispute.AgentId is not null && !string.Equals(dispute.AgentId, input.Action.AgentId, StringComparison.Ordinal))
        {
            return (null, Problems.Unprocessable(request, "dispute-agent-mismatch", "The action is another agent's",
                $"Action '{dispute.ActionId}' was proposed by '{input.Action.AgentId}'.", [new FieldError("agentId", "is not the agent of the action")]));
        }

        var action = input.Action;
        return (new DisputedSubject(action.AgentId, action.Lane, action.Ticket.System, action.Ticket.Id, dispute.ActionId,
            GovernAgentActionOrchestrator.ActionDigestOf(action), action, outcome.Status), null);
    }

    /// <summary>The stored outcome and the one agent decision it was attributed to (the trust engine's rule: latest within the window).</summary>
    async Task<(DisputedSubject? Subject, ApiResponse? Problem)> OutcomeAsync(ApiRequest request, DisputeRequest dispute, CancellationToken cancellationToken)
    {
        var outcomes = services.GetService<IOutcomeStore>();
        var attribution = services.GetService<ITrustAttributionIndex>();
        var parameters = services.GetService<TrustParameters>() ?? TrustParameters.Default;
        var outcome = outcomes is null ? null
            : (await outcomes.ListForTicketAsync(dispute.TicketSystem!, dispute.TicketId!, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(o => string.Equals(o.EventId, dispute.OutcomeEventId, StringComparison.Ordinal));
        if (outcome is null || attribution is null)
        {
            return (null, Problems.Unprocessable(request, "dispute-target-not-found", "There is no such outcome",
                $"No outcome '{dispute.OutcomeEventId}' is stored for {dispute.TicketSystem} {dispute.TicketId}.", [new FieldError("outcomeEventId", "names no stored outcome of the ticket")]));
        }

        var decisions = (await attribution.ListAsync(outcome.TicketSystem, outcome.TicketId, cancellationToken).ConfigureAwait(false))
            .Where(d => TrustSignals.IsAttributable(d.DecidedAt, outcome.OccurredAt, parameters))
            .Where(d => outcome.AgentId is null || string.Equals(d.AgentId, outcome.AgentId, StringComparison.Ordinal))
            .Where(d => dispute.AgentId is null || string.Equals(d.AgentId, dispute.AgentId, StringComparison.Ordinal))
            .GroupBy(d => (d.AgentId, d.Lane))
            .Select(g => g.OrderByDescending(d => d.DecidedAt).ThenBy(d => d.ActionId, StringComparer.Ordinal).First())
            .ToList();
        if (decisions.Count == 0)
        {
            return (null, Problems.Unprocessable(request, "outcome-not-attributed", "The outcome is not attributed to an agent",
                $"Outcome '{outcome.EventId}' counts against no agent's decision, so there is nothing to contest."));
        }

        if (decisions.Count > 1)
        {
            return (null, Problems.Unprocessable(request, "outcome-attributed-to-several", "The outcome is attributed to several agents or lanes",
                "Name the agent whose attribution you contest.", [new FieldError("agentId", "is required when several agents' decisions touched the ticket: " + string.Join(", ", decisions.Select(d => d.AgentId + "/" + d.Lane)))]));
        }

        var decision = decisions[0];
        return (new DisputedSubject(decision.AgentId, decision.Lane, outcome.TicketSystem, outcome.TicketId, decision.ActionId, null, null, null, outcome), null);
    }
}
