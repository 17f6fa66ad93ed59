using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Pacts;
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
                return trail.Outcome(ActionStatus.Applied, decision, approval: null);
            case DecisionKind.Shadow:
                return trail.Outcome(ActionStatus.Shadowed, decision, approval: null);
            case DecisionKind.Block:
                return trail.Outcome(ActionStatus.Blocked, decision, approval: null);
        }

        var approval = await WaitForApprovalAsync(context, pact.Pact.Approval, decision);
        await trail.RecordAsync(EvidenceKinds.Approval, approval, pact.Hash);
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

    static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    /// <summary>Numbers the evidence of one action and links each record to the digest of the one before.</summary>
    sealed class EvidenceTrail(TaskOrchestrationContext context, ProposedAction action, TaskOptions retry)
    {
        readonly string actionDigest = "sha256:" + Digest.OfCanonicalJson(action);
        readonly List<string> locations = [];
        string? previousDigest;

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
