using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Autonomy;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.Ticketing.WriteBack;
using AgentTrust.Orchestrations.Trust;
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
        context.SetCustomStatus(new ActionProgress(ActionStatus.Evaluating) { WorkflowVersion = VersionOf(context) });

        var pact = await context.CallActivityAsync<StoredPact?>(nameof(LookUpPactActivity), new PactKey(action.AgentId, action.Lane), Retry);
        if (pact is null)
        {
            // No contract, no autonomy: an agent acting in a lane nobody wrote a pact for is refused.
            var refusal = new Decision(DecisionKind.Block, [$"no pact governs agent '{action.AgentId}' in lane '{action.Lane}'"], "none", 0);
            await trail.RecordAsync(EvidenceKinds.Decision, refusal, pactHash: null);
            return trail.Outcome(ActionStatus.Blocked, refusal, approval: null);
        }

        // Rate limits count the agent's earlier actions in the lane; only pacts that state one pay for the look-up.
        var recent = pact.Pact.RateLimit is { } limit
            ? await context.CallActivityAsync<int>(
                nameof(CountRecentActionsActivity), new RecentActionsQuery(action.AgentId, action.Lane, context.InstanceId, input.ReceivedAt, limit.WindowMinutes), Retry)
            : 0;
        var evaluation = await context.CallActivityAsync<PactEvaluation>(
            nameof(EvaluatePactActivity), new EvaluatePactRequest(pact, action, Now(context), recent), Retry);
        await trail.RecordAsync(EvidenceKinds.Evaluation, evaluation, pact.Hash);

        var juries = await JudgeAsync(context, pact.Pact, evaluation, action);
        foreach (var jury in juries ?? [])
        {
            await trail.RecordAsync(EvidenceKinds.Jury, jury, pact.Hash);
        }

        trail.Juries = juries;
        // The live tier (the pact's tier is only where the agent starts), read at decision time: see docs/autonomy.md.
        var standing = await context.CallActivityAsync<AutonomyStanding?>(
            nameof(ReadAutonomyActivity), new ReadAutonomyRequest(pact.Pact, Now(context), action.Ticket.System, action.Ticket.Id), Retry);
        var decision = await context.CallActivityAsync<Decision>(nameof(DecideActivity), new DecideRequest(pact.Pact, evaluation, action, juries, standing), Retry);
        await trail.RecordAsync(EvidenceKinds.Decision, decision, pact.Hash);
        var conduct = await context.CallActivityAsync<TrustChange?>(nameof(UpdateTrustActivity), TrustUpdate(context, action) with { Evaluation = evaluation, Juries = juries }, Retry);
        await context.CallActivityAsync<AutonomyTier?>(
            nameof(UpdateAutonomyActivity), AutonomyUpdate(context, pact.Pact, action, conduct) with { Evaluation = evaluation, Juries = juries, Decision = decision.Kind }, Retry);

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

        var approval = await WaitForApprovalAsync(context, trail, action, pact.Pact.Approval, decision, pact.Hash);
        await trail.RecordAsync(EvidenceKinds.Approval, approval, pact.Hash);
        if (approval.Approver is not null)
        {
            // A person's answer is an outcome: a rejection counts against the agent (an expired wait counts for nothing).
            var answered = await context.CallActivityAsync<TrustChange?>(
                nameof(UpdateTrustActivity), TrustUpdate(context, action) with { Approved = approval.Outcome == ActionStatus.Approved }, Retry);
            await context.CallActivityAsync<AutonomyTier?>(nameof(UpdateAutonomyActivity), AutonomyUpdate(context, pact.Pact, action, answered), Retry);
        }

        if (juries is not null && approval.Approver is not null && juries.Any(j => j.Outcome == JuryOutcome.Uncertain))
        {
            // The human's answer is the label the uncertain juries lacked: the judges learn from it. Not retried, so a
            // replayed failure can never count one answer twice.
            var labels = await context.CallActivityAsync<IReadOnlyList<JudgeLabel>>(
                nameof(LearnFromHumanActivity), new JudgeLabelsRequest(juries, approval.Outcome == ActionStatus.Approved, approval.Approver));
            await trail.RecordAsync(EvidenceKinds.JudgeLabels, labels, pact.Hash);
        }

        if (approval.Outcome == ActionStatus.Approved)
        {
            await WriteBackAsync(context, trail, action, ActionStatus.Approved, decision, approval.Approver, pact.Hash);
        }

        return trail.Outcome(approval.Outcome, decision, approval);
    }

    /// <summary>
    /// The jury, when the pact has judged clauses: every judge on every judged clause in parallel (fan-out), then one
    /// aggregation per clause (fan-in). Returns null when nothing needs judgment. Red-team runs ask the same jury.
    /// </summary>
    internal static async Task<IReadOnlyList<JuryResult>?> JudgeAsync(TaskOrchestrationContext context, Pact pact, PactEvaluation evaluation, ProposedAction action)
    {
        var judged = evaluation.Clauses
            .Where(c => c.Outcome == ClauseOutcome.Deferred)
            .Select(c => pact.Clauses.FirstOrDefault(p => string.Equals(p.Id, c.ClauseId, StringComparison.Ordinal)))
            .OfType<PactClause>()
            .ToList();
        if (judged.Count == 0)
        {
            return null;
        }

        var plan = await context.CallActivityAsync<JuryPlan>(nameof(PlanJuryActivity), new PactKey(action.AgentId, action.Lane), Retry);
        var requests = judged.Select(clause => JudgeRequest.For(clause, action)).ToList();
        var verdicts = await Task.WhenAll(requests.SelectMany(request => plan.JudgeIds.Select(judgeId =>
            context.CallActivityAsync<JudgeVerdict>(nameof(JudgeClauseActivity), new JudgeClauseRequest(judgeId, request, plan.Policy.JudgeTimeoutMilliseconds)))));
        var juries = await Task.WhenAll(requests.Select(request => context.CallActivityAsync<JuryResult>(
            nameof(AggregateJuryActivity),
            new AggregateJuryRequest(request.ClauseId, [.. verdicts.Where(v => string.Equals(v.ClauseId, request.ClauseId, StringComparison.Ordinal))], plan.Policy),
            Retry)));
        return juries;
    }

    /// <summary>
    /// The approval wait, a durable loop over the pact's ladder (no sub-orchestrations: the local sidecar mishandles them):
    /// rung 0 asks the pact's approver groups; when nobody answers before the next step's <c>afterSeconds</c>, the
    /// request escalates and that step's groups are asked too; when the final deadline passes it fails closed. Each rung's
    /// notices and their delivery results are evidence; the custom status names the rung honestly (awaiting-approval,
    /// then escalated). An answer from any group asked so far is accepted until the deadline.
    /// </summary>
    static async Task<ApprovalRecord> WaitForApprovalAsync(
        TaskOrchestrationContext context, EvidenceTrail trail, ProposedAction action, ApprovalPolicy policy, Decision decision, string pactHash)
    {
        var requestedAt = Now(context);
        var deadline = requestedAt.AddSeconds(policy.TimeoutSeconds);
        var ladder = new List<(DateTimeOffset Start, IReadOnlyList<string> Groups)> { (requestedAt, policy.ApproverGroups) };
        ladder.AddRange((policy.Escalation ?? [])
            .Where(step => step.AfterSeconds > 0 && step.AfterSeconds < policy.TimeoutSeconds)
            .OrderBy(step => step.AfterSeconds)
            .Select(step => (requestedAt.AddSeconds(step.AfterSeconds), step.ApproverGroups)));

        // One wait for the answer across every rung: an answer raised while a notice is being sent is buffered, not lost.
        var answer = context.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName);
        var asked = new List<string>();
        for (var rung = 0; rung < ladder.Count; rung++)
        {
            var rungDeadline = rung + 1 < ladder.Count ? ladder[rung + 1].Start : deadline;
            asked.AddRange(ladder[rung].Groups.Where(g => !asked.Contains(g, StringComparer.Ordinal)));
            context.SetCustomStatus(new ActionProgress(
                rung == 0 ? ActionStatus.AwaitingApproval : ActionStatus.Escalated, decision, deadline, [.. asked], rung, rungDeadline, requestedAt)
            {
                WorkflowVersion = VersionOf(context),
            });

            var request = Approvals.ApprovalRequest.Describe(
                context.InstanceId, trail.ActionDigest, action, decision, rung, ladder[rung].Groups, requestedAt, rungDeadline, deadline);
            // Not retried: the activity never throws for a failing channel, and a retry would send every notice twice.
            var notices = await context.CallActivityAsync<IReadOnlyList<Approvals.NotificationResult>>(
                nameof(Approvals.NotifyApproversActivity), new Approvals.NotifyApproversRequest(request));
            await trail.RecordAsync(EvidenceKinds.Notification, new { rung, groups = ladder[rung].Groups, notices }, pactHash);

            if (answer.IsCompleted)
            {
                return Answered(await answer, rung);
            }

            using var cancelTimer = new CancellationTokenSource();
            var timeout = context.CreateTimer(rungDeadline.UtcDateTime, cancelTimer.Token);
            var first = await Task.WhenAny(answer, timeout);
            if (first == answer)
            {
                // Cancel synchronously: CancelAsync would run the timer's callbacks on the thread pool, outside the
                // orchestration's single-threaded scheduler, and the orchestration would never resume.
#pragma warning disable CA1849
                cancelTimer.Cancel();
#pragma warning restore CA1849
                return Answered(await answer, rung);
            }
        }

        // Fail closed: nobody on any rung answered, so the action is not applied and is marked expired, not rejected by a person.
        return new ApprovalRecord(ActionStatus.Expired, Approver: null, Comment: null, Now(context), deadline, requestedAt, ladder.Count - 1, [.. asked]);

        ApprovalRecord Answered(ApprovalDecision human, int rung)
        {
            var decidedAt = Now(context);
            var outcome = human.Approved ? ActionStatus.Approved : ActionStatus.Rejected;
            return new ApprovalRecord(
                outcome, human.Approver, human.Comment, decidedAt, deadline, requestedAt, rung, [.. asked], human.TokenId, (decidedAt - requestedAt).TotalSeconds);
        }
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
        WriteBackResult result;
        try
        {
            result = await context.CallActivityAsync<WriteBackResult>(nameof(ApplyToTicketActivity), request, Retry);
        }
        catch (TaskFailedException failed)
        {
            // Every retry threw (a ticketing tool that hangs past its timeouts, or keeps failing): the decision stands and
            // the ticket is unchanged. That is recorded as a failed write-back, never lost in a failed workflow.
            var reason = $"{failed.FailureDetails.ErrorType}: {failed.FailureDetails.ErrorMessage}";
            result = new WriteBackResult(action.Ticket.System, action.Ticket.Id, WriteBackStatus.Failed, 0, reason.Length > 300 ? reason[..300] : reason);
        }

        if (result.Status != WriteBackStatus.NotConfigured)
        {
            await trail.RecordAsync(EvidenceKinds.WriteBack, result, pactHash);
        }

        if (result.Status == WriteBackStatus.Failed)
        {
            trail.Degraded = $"write-back to {result.System} ticket {result.TicketId} failed ({result.Detail}): the decision stands but the ticket was not changed; a person must apply it";
        }
    }

    /// <summary>The action's content digest (<c>sha256:</c> over its canonical JSON), shared with the approval confirm handler.</summary>
    public static string ActionDigestOf(ProposedAction action) => "sha256:" + Digest.OfCanonicalJson(action);

    static UpdateTrustRequest TrustUpdate(TaskOrchestrationContext context, ProposedAction action) =>
        new(context.InstanceId, action.AgentId, action.Lane, action.Ticket.System, action.Ticket.Id, Now(context));

    static UpdateAutonomyRequest AutonomyUpdate(TaskOrchestrationContext context, Pact pact, ProposedAction action, TrustChange? change) =>
        new(pact, context.InstanceId, action.Ticket.System, action.Ticket.Id, Now(context), change);

    static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    /// <summary>The workflow's version from its history (deterministic); null for one started before versioning.</summary>
    static string? VersionOf(TaskOrchestrationContext context) => string.IsNullOrEmpty(context.Version) ? null : context.Version;

    /// <summary>Numbers the evidence of one action and links each record to the digest of the one before.</summary>
    sealed class EvidenceTrail(TaskOrchestrationContext context, ProposedAction action, TaskOptions retry)
    {
        readonly string actionDigest = ActionDigestOf(action);
        readonly List<string> locations = [];
        string? previousDigest;

        /// <summary>The digest every evidence record and every approval token of this action is bound to.</summary>
        public string ActionDigest => actionDigest;

        public IReadOnlyList<string> Locations => locations;

        public IReadOnlyList<JuryResult>? Juries { get; set; }

        /// <summary>Set when a step after the decision failed for good (the write-back): the outcome says so, not only the evidence.</summary>
        public string? Degraded { get; set; }

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
            new(context.InstanceId, status, decision, approval, [.. locations], Juries) { Degraded = Degraded, WorkflowVersion = VersionOf(context) };
    }
}
