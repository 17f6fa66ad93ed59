using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Tests.Approvals;

public sealed class ApprovalEscalationTests : IAsyncLifetime
{
    GovernanceTestHost host = null!;

    public async Task InitializeAsync() => host = await GovernanceTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    static Pact LadderPact(int timeoutSeconds, int escalateAfterSeconds) => Samples.ClassificationPact(timeoutSeconds: timeoutSeconds) with
    {
        Approval = new ApprovalPolicy(["service-desk-leads"], timeoutSeconds, [new EscalationStep(escalateAfterSeconds, ["major-incident-managers"])]),
    };

    async Task<string> StartLowConfidenceAsync(string key)
    {
        var action = Samples.Classify(3, 0.4, key);
        var id = ActionIds.FromIdempotencyKey(action.AgentId, key);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now), new StartOrchestrationOptions(id));
        return id;
    }

    /// <summary>Polls the custom status until the action completes, returning every distinct state seen in order.</summary>
    async Task<(GovernanceOutcome Outcome, List<ActionProgress> Seen)> WatchAsync(string id, Func<ActionProgress, Task>? onProgress = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<ActionProgress>();
        while (true)
        {
            var metadata = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
            if (metadata is { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
            {
                return (metadata.ReadOutputAs<GovernanceOutcome>()!, seen);
            }

            Assert.NotEqual(OrchestrationRuntimeStatus.Failed, metadata?.RuntimeStatus);
            if (metadata?.SerializedCustomStatus is not null)
            {
                var progress = metadata.ReadCustomStatusAs<ActionProgress>()!;
                if (seen.Count == 0 || seen[^1].Status != progress.Status)
                {
                    seen.Add(progress);
                    if (onProgress is not null)
                    {
                        await onProgress(progress);
                    }
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    [Fact]
    public async Task WaitForApproval_ApproverAnswers_NotifiedThenApprovedWithLatencyAsEvidence()
    {
        await host.Pacts.PublishAsync(Samples.ClassificationPact(), Samples.Now);
        var id = await StartLowConfidenceAsync("notify-approve");

        var (outcome, seen) = await WatchAsync(id, async progress =>
        {
            if (progress.Status == ActionStatus.AwaitingApproval)
            {
                await host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "lead@service-desk-leads.example.com", "ok", "nonce-1"));
            }
        });

        Assert.Equal(ActionStatus.Approved, outcome.Status);
        Assert.Equal([ActionStatus.AwaitingApproval], seen.Select(p => p.Status).Where(s => s != ActionStatus.Evaluating));
        var notice = Assert.Single(host.Notifier.Sent);
        Assert.Equal(id, notice.Request.ActionId);
        Assert.Equal("service-desk-leads", notice.Group);
        Assert.Equal(0, notice.Request.Rung);
        Assert.True(host.Tokens.Check(Token(notice.ApproveUrl)).Claims!.Approved);
        Assert.False(host.Tokens.Check(Token(notice.RejectUrl)).Claims!.Approved);
        Assert.Equal(GovernAgentActionOrchestrator.ActionDigestOf(Samples.Classify(3, 0.4, "notify-approve")), host.Tokens.Check(Token(notice.ApproveUrl)).Claims!.ActionDigest);
        var approval = outcome.Approval!;
        Assert.Equal(0, approval.Rung);
        Assert.Equal("nonce-1", approval.TokenId);
        Assert.NotNull(approval.LatencySeconds);
        Assert.True(approval.LatencySeconds >= 0);
        Assert.Equal(["evaluation", "decision", "notification", "approval"], host.Evidence.For(id).Select(r => r.Kind));
        var recorded = host.Evidence.For(id)[2].Payload.GetRawText();
        Assert.Contains("\"delivered\":true", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForApproval_NobodyAnswers_EscalatesToNextGroupThenExpiresClosed()
    {
        await host.Pacts.PublishAsync(LadderPact(timeoutSeconds: 4, escalateAfterSeconds: 2), Samples.Now);
        var id = await StartLowConfidenceAsync("escalate-expire");

        var (outcome, seen) = await WatchAsync(id);

        Assert.Equal(ActionStatus.Expired, outcome.Status);
        // Evaluating may pass between two polls; the waiting states last seconds and are always seen, in order.
        seen.RemoveAll(p => p.Status == ActionStatus.Evaluating);
        Assert.Equal([ActionStatus.AwaitingApproval, ActionStatus.Escalated], seen.Select(p => p.Status));
        Assert.Equal(["service-desk-leads"], seen[0].ApproverGroups!);
        Assert.Equal(0, seen[0].ApprovalRung);
        Assert.Equal(["service-desk-leads", "major-incident-managers"], seen[1].ApproverGroups!);
        Assert.Equal(1, seen[1].ApprovalRung);
        Assert.Equal(seen[0].ApprovalDeadline, seen[1].ApprovalDeadline);
        Assert.True(seen[0].RungDeadline < seen[1].RungDeadline);
        Assert.Equal(["service-desk-leads", "major-incident-managers"], host.Notifier.Sent.Select(n => n.Group));
        Assert.True(host.Notifier.Sent[1].Request.Escalated);
        Assert.Null(outcome.Approval!.Approver);
        Assert.Equal(1, outcome.Approval.Rung);
        Assert.Equal(["evaluation", "decision", "notification", "notification", "approval"], host.Evidence.For(id).Select(r => r.Kind));
    }

    [Fact]
    public async Task WaitForApproval_EscalationGroupAnswers_ApprovedOnSecondRung()
    {
        await host.Pacts.PublishAsync(LadderPact(timeoutSeconds: 60, escalateAfterSeconds: 1), Samples.Now);
        var id = await StartLowConfidenceAsync("escalate-approve");

        var (outcome, seen) = await WatchAsync(id, async progress =>
        {
            if (progress.Status == ActionStatus.Escalated)
            {
                await host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(false, "mim@example.com"));
            }
        });

        Assert.Equal(ActionStatus.Rejected, outcome.Status);
        Assert.Contains(seen, p => p.Status == ActionStatus.Escalated);
        Assert.Equal(1, outcome.Approval!.Rung);
        Assert.True(outcome.Approval.LatencySeconds >= 1);
    }

    [Fact]
    public async Task WaitForApproval_ChannelFailsOrMissing_FailureRecordedAndWaitGoesOn()
    {
        host.Notifier.Failing.Add("service-desk-leads");
        await host.Pacts.PublishAsync(Samples.ClassificationPact() with { Approval = new ApprovalPolicy(["service-desk-leads", "nobody-configured"]) }, Samples.Now);
        var id = await StartLowConfidenceAsync("channel-fails");

        var (outcome, _) = await WatchAsync(id, async progress =>
        {
            if (progress.Status == ActionStatus.AwaitingApproval)
            {
                await host.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "lead@example.com"));
            }
        });

        Assert.Equal(ActionStatus.Approved, outcome.Status);
        var notification = host.Evidence.For(id).Single(r => r.Kind == "notification").Payload;
        var notices = notification.GetProperty("record").GetProperty("notices").EnumerateArray().ToList();
        Assert.Equal(2, notices.Count);
        Assert.False(notices[0].GetProperty("delivered").GetBoolean());
        Assert.Contains("channel down", notices[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("none", notices[1].GetProperty("channel").GetString());
        Assert.False(notices[1].GetProperty("delivered").GetBoolean());
    }

    static string Token(Uri link) => Uri.UnescapeDataString(link.Query.Split("token=")[1]);
}
