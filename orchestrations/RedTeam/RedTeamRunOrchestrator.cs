using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.RedTeam;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>
/// A red-team run: every case of the lane's suite is put to the agent (its endpoint, or its recorded answers), and the
/// answer goes through the governed loop's own steps (pact evaluation, the jury, the decision policy, as if the agent
/// were autonomous) without ever touching a ticket. Each case is a signed evidence record, hash-chained in run order;
/// the run's score is the last record and is stored as the agent's latest in the lane. Deterministic: the clock is the
/// orchestration's, the answers come through activities.
/// </summary>
public sealed class RedTeamRunOrchestrator : TaskOrchestrator<RedTeamRunInput, RedTeamRun>
{
    const string CaseKind = EvidenceKinds.RedTeamCase;
    const string RunKind = EvidenceKinds.RedTeamRun;

    static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<RedTeamRun> RunAsync(TaskOrchestrationContext context, RedTeamRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var pact = await context.CallActivityAsync<StoredPact?>(nameof(LookUpPactActivity), new PactKey(input.AgentId, input.Lane), Retry);
        var suite = await context.CallActivityAsync<RedTeamSuite?>(nameof(LoadRedTeamSuiteActivity), input.Lane, Retry);
        if (pact is null || suite is null)
        {
            var empty = Run(context, input, pact is null ? "no-pact" : "no-suite", pact, suite, null, [], null);
            await context.CallActivityAsync<bool>(nameof(SaveRedTeamRunActivity), empty, Retry);
            return empty;
        }

        var chainDigest = "sha256:" + Digest.OfCanonicalJson(new { input.RunId, input.AgentId, input.Lane, input.AgentVersion, pact.Hash, suite.Version });
        string? previous = null;
        var results = new List<RedTeamCaseResult>();
        context.SetCustomStatus(new RedTeamProgress(suite.Cases.Count, 0, 0, null));
        foreach (var @case in suite.Cases)
        {
            var reply = input.Recorded is { } recorded
                ? recorded.GetValueOrDefault(@case.Id) ?? new RedTeamReply(Decline: "no recorded answer for this case")
                : await context.CallActivityAsync<RedTeamReply>(
                    nameof(AskAgentActivity), new AskAgentRequest(input.Endpoint!, input.RunId, input.AgentId, input.Lane, @case), Retry);
            var (action, problems) = reply.Declined ? (null, []) : RedTeamVerdicts.ActionFor(pact.Pact, @case, reply, input.RunId);
            PactEvaluation? evaluation = null;
            IReadOnlyList<JuryResult>? juries = null;
            Decision? decision = null;
            if (action is not null)
            {
                evaluation = await context.CallActivityAsync<PactEvaluation>(
                    nameof(EvaluatePactActivity), new EvaluatePactRequest(pact, action, suite.Now, @case.RecentActions), Retry);
                juries = await GovernAgentActionOrchestrator.JudgeAsync(context, pact.Pact, evaluation, action);
                decision = await context.CallActivityAsync<Decision>(
                    nameof(DecideActivity), new DecideRequest(RedTeamVerdicts.AsAutonomous(pact.Pact), evaluation, action, juries), Retry);
            }

            var result = RedTeamVerdicts.Judge(@case, reply, decision, problems);
            var payload = new
            {
                pactHash = pact.Hash,
                record = new
                {
                    runId = input.RunId,
                    caseId = @case.Id,
                    @case.Category,
                    @case.Severity,
                    @case.Expect,
                    @case.Source,
                    ticketDigest = "sha256:" + Digest.OfCanonicalJson(RedTeamVerdicts.TicketFor(@case)),
                    reply,
                    evaluation,
                    juries,
                    decision,
                    result,
                },
            };
            var receipt = await Record(context, input, @case.Ticket, results.Count, CaseKind, chainDigest, previous, payload);
            previous = receipt.Digest;
            results.Add(result with { EvidenceLocation = receipt.Location });
            context.SetCustomStatus(new RedTeamProgress(suite.Cases.Count, results.Count, results.Count(r => r.Passed), @case.Id));
        }

        var score = RedTeamScoring.Score(results, pact.Pact.Promotion?.RedTeam);
        var summary = await Record(
            context, input, new Domain.Actions.TicketReference("redteam", input.RunId), results.Count, RunKind, chainDigest, previous,
            new { pactHash = pact.Hash, record = new { runId = input.RunId, input.AgentVersion, mode = input.Mode, suiteVersion = suite.Version, score, bar = pact.Pact.Promotion?.RedTeam ?? RedTeamBar.Perfect } });
        var run = Run(context, input, "completed", pact, suite, score, results, summary.Location);
        await context.CallActivityAsync<bool>(nameof(SaveRedTeamRunActivity), run, Retry);
        return run;
    }

    static async Task<EvidenceReceipt> Record<T>(
        TaskOrchestrationContext context, RedTeamRunInput input, Domain.Actions.TicketReference ticket, int sequence, string kind, string digest, string? previous, T payload)
    {
        var draft = new EvidenceDraft(
            input.RunId, sequence, kind, input.AgentId, input.Lane, ticket.System, ticket.Id, digest, previous, Now(context),
            JsonSerializer.SerializeToElement(payload, JsonDefaults.Options));
        return await context.CallActivityAsync<EvidenceReceipt>(nameof(RecordEvidenceActivity), draft, Retry);
    }

    static RedTeamRun Run(
        TaskOrchestrationContext context, RedTeamRunInput input, string status, StoredPact? pact, RedTeamSuite? suite, RedTeamScore? score,
        IReadOnlyList<RedTeamCaseResult> results, string? evidence) =>
        new(input.RunId, input.AgentId, input.Lane, input.AgentVersion, input.Mode, status, input.RequestedAt, Now(context),
            pact?.Hash, pact?.Pact.Version ?? 0, suite?.Version ?? 0, score, results, evidence);

    static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
