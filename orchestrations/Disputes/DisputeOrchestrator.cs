using System.Text.Json;
using AgentTrust.Domain.Disputes;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.Trust;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>
/// The dispute workflow: record the dispute, let the jury look at the disputed action again (every judged clause of the
/// agent's pact, through the same jury activities as the governed loop), tell the adjudicators, wait durably for their
/// answer until the deadline (no answer: the dispute expires and the original stands), then resolve: adjust trust when
/// overturned, record the resolution as signed evidence chained to the dispute, and store it for the metrics.
/// Deterministic: no I/O, no clocks; the world is touched only through activities.
/// </summary>
public sealed class DisputeOrchestrator : TaskOrchestrator<DisputeInput, DisputeOutcome>
{
    static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<DisputeOutcome> RunAsync(TaskOrchestrationContext context, DisputeInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var subject = input.Subject;
        var trail = new DisputeTrail(context, input);
        context.SetCustomStatus(new DisputeProgress(DisputeStage.Open, input.Deadline));
        await trail.RecordAsync(EvidenceKinds.Dispute, new
        {
            dispute = input.Request,
            subject = new
            {
                subject.AgentId, subject.Lane, subject.TicketSystem, subject.TicketId, subject.ActionId, subject.ActionDigest,
                subject.OriginalStatus, outcome = subject.Outcome,
            },
            filedAt = input.FiledAt,
            deadline = input.Deadline,
        });

        // The jury's view: only a dispute about an action has something to judge.
        DisputeJuryView? jury = null;
        if (subject.Action is not null)
        {
            jury = DisputeJuryView.From(await JudgeAsync(context, subject));
            await trail.RecordAsync(EvidenceKinds.Jury, jury);
        }

        var answer = context.WaitForExternalEvent<AdjudicatorAnswer>(AdjudicatorAnswer.EventName);
        var reasons = new List<string> { $"contested by {input.Request.Role.ToString().ToLowerInvariant()} {input.Request.Disputant}: {input.Request.Reason}" };
        if (jury is not null)
        {
            reasons.Add(jury.Summary);
        }

        // Not retried: the activity never throws for a failing channel, and a retry would send every notice twice.
        var notices = await context.CallActivityAsync<IReadOnlyList<NotificationResult>>(
            nameof(NotifyAdjudicatorsActivity),
            new DisputeNotice(input.DisputeId, input.Digest, subject.AgentId, subject.Lane, subject.TicketSystem, subject.TicketId,
                Describe(input), reasons, input.AdjudicatorGroups, input.FiledAt, input.Deadline));
        await trail.RecordAsync(EvidenceKinds.Notification, new { groups = input.AdjudicatorGroups, notices });
        context.SetCustomStatus(new DisputeProgress(DisputeStage.AwaitingAdjudication, input.Deadline, jury));

        AdjudicatorAnswer? human = null;
        if (answer.IsCompleted)
        {
            human = await answer;
        }
        else
        {
            using var cancelTimer = new CancellationTokenSource();
            var timeout = context.CreateTimer(input.Deadline.UtcDateTime, cancelTimer.Token);
            if (await Task.WhenAny(answer, timeout) == answer)
            {
                // Synchronous cancel: CancelAsync would resume the timer outside the orchestration's scheduler (see the governed loop).
#pragma warning disable CA1849
                cancelTimer.Cancel();
#pragma warning restore CA1849
                human = await answer;
            }
        }

        var resolvedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        var verdict = human?.Verdict ?? DisputeVerdict.Expired;
        var trust = verdict == DisputeVerdict.Overturned
            ? await context.CallActivityAsync<TrustChange?>(
                nameof(ApplyDisputeTrustActivity), new DisputeTrustRequest(input.DisputeId, subject, verdict, resolvedAt), Retry)
            : null;
        await trail.RecordAsync(EvidenceKinds.DisputeResolution, new
        {
            verdict,
            adjudicator = human?.Adjudicator,
            comment = human?.Comment,
            resolvedAt,
            originalStands = verdict != DisputeVerdict.Overturned,
            jury = jury is null ? null : new { jury.AgentAtFault, jury.Summary },
            trust = trust is null ? null : new { trust.Signal.SignalId, trust.Signal.Gain, trust.Signal.Loss, trust.Signal.Reason, trust.Applied, evidence = trust.EvidenceLocation },
        });
        await context.CallActivityAsync<bool>(
            nameof(RecordDisputeResolutionActivity),
            new DisputeResolutionRow(input.DisputeId, input.Request.Kind, verdict, subject.AgentId, subject.Lane, subject.TicketSystem, subject.TicketId, subject.TookEffect, resolvedAt),
            Retry);
        return new DisputeOutcome(input.DisputeId, verdict, human?.Adjudicator, human?.Comment, resolvedAt, jury, trust, [.. trail.Locations]);
    }

    /// <summary>
    /// Every judged clause of the agent's pact in force now, on the disputed action: all judges in parallel, then one
    /// aggregation per clause, through the governed loop's jury activities. Empty when there is no pact or no judged clause.
    /// </summary>
    static async Task<IReadOnlyList<JuryResult>> JudgeAsync(TaskOrchestrationContext context, DisputedSubject subject)
    {
        var key = new PactKey(subject.AgentId, subject.Lane);
        var pact = await context.CallActivityAsync<StoredPact?>(nameof(LookUpPactActivity), key, Retry);
        var judged = pact?.Pact.Clauses.Where(c => c.Method == VerificationMethod.Judged).ToList() ?? [];
        if (judged.Count == 0)
        {
            return [];
        }

        var plan = await context.CallActivityAsync<JuryPlan>(nameof(PlanJuryActivity), key, Retry);
        var requests = judged.Select(clause => JudgeRequest.For(clause, subject.Action!)).ToList();
        var verdicts = await Task.WhenAll(requests.SelectMany(request => plan.JudgeIds.Select(judgeId =>
            context.CallActivityAsync<JudgeVerdict>(nameof(JudgeClauseActivity), new JudgeClauseRequest(judgeId, request, plan.Policy.JudgeTimeoutMilliseconds)))));
        return await Task.WhenAll(requests.Select(request => context.CallActivityAsync<JuryResult>(
            nameof(AggregateJuryActivity),
            new AggregateJuryRequest(request.ClauseId, [.. verdicts.Where(v => string.Equals(v.ClauseId, request.ClauseId, StringComparison.Ordinal))], plan.Policy),
            Retry)));
    }

    static string Describe(DisputeInput input) => input.Subject.Outcome is { } outcome
        ? $"dispute of outcome {outcome.Kind} ({outcome.EventId})"
        : $"dispute of {input.Subject.Action?.ActionType ?? "decision"} ({input.Subject.ActionId})";

    /// <summary>The dispute's own evidence chain: numbered records, each linked to the digest of the one before.</summary>
    sealed class DisputeTrail(TaskOrchestrationContext context, DisputeInput input)
    {
        readonly List<string> locations = [];
        string? previousDigest;

        public IReadOnlyList<string> Locations => locations;

        public async Task RecordAsync<T>(string kind, T payload)
        {
            var subject = input.Subject;
            var draft = new EvidenceDraft(
                input.DisputeId, locations.Count, kind, subject.AgentId, subject.Lane, subject.TicketSystem, subject.TicketId,
                input.Digest, previousDigest, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero),
                JsonSerializer.SerializeToElement(new { disputedAction = subject.ActionId, record = payload }, JsonDefaults.Options));
            var receipt = await context.CallActivityAsync<EvidenceReceipt>(nameof(RecordEvidenceActivity), draft, Retry);
            previousDigest = receipt.Digest;
            locations.Add(receipt.Location);
        }
    }
}
