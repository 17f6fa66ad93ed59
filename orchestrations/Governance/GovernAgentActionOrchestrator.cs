using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.Ticketing.WriteBack;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// The governed loop for one agent action: look up the pact, run its deterministic checks, decide, record every
/// step as hash-linked evidence, and, when a human must decide, wait durably for the answer until the pact's
/// deadline, failing closed when it passes. Deterministic: no I/O, no clocks, no random ids; the world is
/// touched only through activities.
/// </summary>
public sealed class GovernAgentActionOrchestrator : TaskOrchestrator<GovernActionInput, GovernanceOutcome>
{
    /// <summary>Storage blips are retried; activities are idempotent, so a retry never doubles a record.</summary>
    static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<GovernanceOutcome> RunAsync(TaskOrchestrationContext context, GovernActionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var action = input.Action;
        var trail = new EvidenceTrail(context, action, Retry);
        context.SetCustomStatus(new ActionProgress(ActionStatus.Evaluating));

        var pact = await context.CallActivityAsync<StoredPact?>(nameof(LookUpPactActivity), new PactKey(action.AgentId, action.Lane), Retry);
        if (pact is null)
        {
            // No contract, no autonomy: an agent acting in a lane nobody wrote a pact for is refused.
            var refusal = new Decision(DecisionKind.Block, [$"no pact governs agent '{action.AgentId}' in lane '{action.Lane}'"], "none", 0);
            await trail.RecordAsync(EvidenceKinds.Decision, refusal, pactHash: null);
            return trail.Outcome(ActionStatus.Blocked, refusal, approval: null);
        }

        var evaluation = await context.CallActivityAsync<PactEvaluation>(
            nameof(EvaluatePactActivity), new EvaluatePactRequest(pact, action, Now(context)), Retry);
        await trail.RecordAsync(EvidenceKinds.Evaluation, evaluation, pact.Hash);

        var decision = await context.CallActivityAsync<Decision>(nameof(DecideActivity), new DecideRequest(pact.Pact, evaluation, action), Retry);
        await trail.RecordAsync(EvidenceKinds.Decision, decision, pact.Hash);

        switch (decision.Kind)
        {
            case DecisionKind.AutoApply:
                await WriteBackAsync(context, trail, action, ActionStatus.Applied, decision, approver: null, pact.Hash);
                return trail.Outcome(ActionStatus.Applied, decision, approval: null);
            case DecisionKind.Shadow:
                return trail.Outcome(ActionStatus.Shadowed, decision, approval: null);
            case DecisionKind.Block:
                return trail.Outcome(ActionStatus.Blocked, decision, approval: null);
        }

        var approval = await WaitForApprovalAsync(context, pact.Pact.Approval, decision);
        await trail.RecordAsync(EvidenceKinds.Approval, approval, pact.Hash);
        if (approval.Outcome == ActionStatus.Approved)
        {
            await WriteBackAsync(context, trail, action, ActionStatus.Approved, decision, approval.Approver, pact.Hash);
        }

        return trail.Outcome(approval.Outcome, decision, approval);
    }

    static async Task<ApprovalRecord> WaitForApprovalAsync(TaskOrchestrationContext context, ApprovalPolicy policy, Decision decision)
    {
        var deadline = Now(context).AddSeconds(policy.TimeoutSeconds);
        context.SetCustomStatus(new ActionProgress(ActionStatus.AwaitingApproval, decision, deadline, policy.ApproverGroups));

        using var cancelTimer = new CancellationTokenSource();
        var answer = context.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName);
        var timeout = context.CreateTimer(deadline.UtcDateTime, cancelTimer.Token);
        var first = await Task.WhenAny(answer, timeout);
        if (first == answer)
        {
            // Cancel synchronously: CancelAsync would run the timer's callbacks on the thread pool, outside the
            // orchestration's single-threaded scheduler, and the orchestration would never resume.
#pragma warning disable CA1849
            cancelTimer.Cancel();
#pragma warning restore CA1849
            var human = await answer;
            var outcome = human.Approved ? ActionStatus.Approved : ActionStatus.Rejected;
            return new ApprovalRecord(outcome, human.Approver, human.Comment, Now(context), deadline);
        }

        // Fail closed: nobody answered, so the action is not applied and is marked expired, not rejected by a person.
        return new ApprovalRecord(ActionStatus.Expired, Approver: null, Comment: null, Now(context), deadline);
    }

    /// <summary>
    /// Applies the action to its ticket (with a work note naming the decision and the evidence so far) and, when a
    /// writer is configured for the ticket's system, records how that went as evidence. A failed write-back does not
    /// undo the decision: it is recorded, and the ticket is left for a person.
    /// </summary>
    static async Task WriteBackAsync(
        TaskOrchestrationContext context, EvidenceTrail trail, ProposedAction action, ActionStatus status, Decision decision, string? approver, string pactHash)
    {
        var request = new WriteBackRequest(
            context.InstanceId, action.AgentId, action.Lane, action.Ticket, action.ActionType, action.Fields, status, decision, approver, [.. trail.Locations]);
        var result = await context.CallActivityAsync<WriteBackResult>(nameof(ApplyToTicketActivity), request, Retry);
        if (result.Status != WriteBackStatus.NotConfigured)
        {
            await trail.RecordAsync(EvidenceKinds.WriteBack, result, pactHash);
        }
    }

    static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    /// <summary>Numbers the evidence of one action and links each record to the digest of the one before.</summary>
    sealed class EvidenceTrail(TaskOrchestrationContext context, ProposedAction action, TaskOptions retry)
    {
        readonly string actionDigest = "sha256:" + Digest.OfCanonicalJson(action);
        readonly List<string> locations = [];
        string? previousDigest;

        public IReadOnlyList<string> Locations => locations;

        public async Task RecordAsync<T>(string kind, T payload, string? pactHash)
        {
            var body = JsonSerializer.SerializeToElement(new { pactHash, record = payload }, JsonDefaults.Options);
            var draft = new EvidenceDraft(
                context.InstanceId, locations.Count, kind, action.AgentId, action.Lane, action.Ticket.System, action.Ticket.Id,
                actionDigest, previousDigest, Now(context), body);
            var receipt = await context.CallActivityAsync<EvidenceReceipt>(nameof(RecordEvidenceActivity), draft, retry);
            previousDigest = receipt.Digest;
            locations.Add(receipt.Location);
        }

        public GovernanceOutcome Outcome(ActionStatus status, Decision decision, ApprovalRecord? approval) =>
            new(context.InstanceId, status, decision, approval, [.. locations]);
    }
}
