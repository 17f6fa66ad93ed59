using System.Text;
using AgentTrust.Domain.Decisions;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentTrust.Tests.Approvals;

public sealed class ConfirmApprovalHandlerTests : IAsyncLifetime
{
    GovernanceTestHost host = null!;
    readonly InMemoryApprovalTokenLedger ledger = new();

    public async Task InitializeAsync() => host = await GovernanceTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    ConfirmApprovalHandler Handler(ApprovalTokens? tokens = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(tokens ?? host.Tokens)
            .AddSingleton<IApprovalTokenLedger>(ledger);
        services.AddOptions<ApiOptions>();
        return new ConfirmApprovalHandler(services.BuildServiceProvider());
    }

    /// <summary>Starts a low-confidence action and returns it with the approve and reject links its approver was sent.</summary>
    async Task<(string Id, ApprovalNotification Notice)> AwaitingAsync(string key)
    {
        await host.Pacts.PublishAsync(Samples.ClassificationPact(), Samples.Now);
        var action = Samples.Classify(3, 0.4, key);
        var id = ActionIds.FromIdempotencyKey(action.AgentId, key);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GovernAgentActionOrchestrator), new GovernActionInput(action, Samples.Now), new StartOrchestrationOptions(id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!host.Notifier.Sent.Any(n => n.Request.ActionId == id))
        {
            await Task.Delay(50, timeout.Token);
        }

        return (id, host.Notifier.Sent.First(n => n.Request.ActionId == id));
    }

    static string TokenOf(Uri link) => Uri.UnescapeDataString(link.Query.Split("token=")[1]);

    static ApiRequest Get(string id, string token) => new()
    {
        Method = "GET",
        Url = new Uri($"http://localhost/api/approvals/{id}/confirm?token={Uri.EscapeDataString(token)}"),
        Route = new Dictionary<string, string> { ["id"] = id },
    };

    static ApiRequest Post(string id, string token, string comment = "") => new()
    {
        Method = "POST",
        Url = new Uri($"http://localhost/api/approvals/{id}/confirm"),
        Route = new Dictionary<string, string> { ["id"] = id },
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/x-www-form-urlencoded" },
        Body = Encoding.UTF8.GetBytes($"token={Uri.EscapeDataString(token)}&comment={Uri.EscapeDataString(comment)}"),
    };

    async Task<GovernanceOutcome> CompletionAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        return metadata.ReadOutputAs<GovernanceOutcome>()!;
    }

    [Fact]
    public async Task Show_ValidToken_ConfirmationPageAndNoStateChange()
    {
        var (id, notice) = await AwaitingAsync("confirm-page");

        var page = await Handler().ShowAsync(Get(id, TokenOf(notice.ApproveUrl)), host.Client, default);

        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers["Cache-Control"]);
        var html = Encoding.UTF8.GetString(page.Body.Span);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("lead@service-desk-leads.example.com", html, StringComparison.Ordinal);
        await Task.Delay(500);
        var metadata = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, metadata!.RuntimeStatus);
        Assert.Equal(ActionStatus.AwaitingApproval, metadata.ReadCustomStatusAs<ActionProgress>()!.Status);
    }

    [Fact]
    public async Task Confirm_ValidRejectToken_RejectsAsTheTokensApprover()
    {
        var (id, notice) = await AwaitingAsync("confirm-reject");

        var response = await Handler().ConfirmAsync(Post(id, TokenOf(notice.RejectUrl), "not now"), host.Client, default);
        var outcome = await CompletionAsync(id);

        Assert.Equal(200, response.Status);
        Assert.Equal(ActionStatus.Rejected, outcome.Status);
        Assert.Equal("lead@service-desk-leads.example.com", outcome.Approval!.Approver);
        Assert.Equal("not now", outcome.Approval.Comment);
        Assert.Equal(host.Tokens.Check(TokenOf(notice.RejectUrl)).Claims!.Nonce, outcome.Approval.TokenId);
    }

    [Fact]
    public async Task Confirm_TokenUsedTwice_SecondRefusedAsReplayedAndRecorded()
    {
        var (id, notice) = await AwaitingAsync("confirm-replay");
        var handler = Handler();
        var token = TokenOf(notice.ApproveUrl);
        Assert.Equal(200, (await handler.ConfirmAsync(Post(id, token), host.Client, default)).Status);

        // The action may still be running when the replay arrives; either way the token is spent.
        var replay = await handler.ConfirmAsync(Post(id, token), host.Client, default);

        Assert.Equal(409, replay.Status);
        Assert.Equal(ActionStatus.Approved, (await CompletionAsync(id)).Status);
    }

    [Fact]
    public async Task Confirm_SameTokenRacedWhileWaiting_OnlyOneUseWins()
    {
        var (id, notice) = await AwaitingAsync("confirm-race");
        var handler = Handler();
        var token = TokenOf(notice.ApproveUrl);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => handler.ConfirmAsync(Post(id, token), host.Client, default)));

        Assert.Single(statuses, s => s.Status == 200);
        Assert.All(statuses.Where(s => s.Status != 200), s => Assert.Equal(409, s.Status));
        Assert.Contains(ledger.Refusals, r => r.Reason == ApprovalTokenRefusal.Replayed && r.ActionId == id);
    }

    [Fact]
    public async Task Confirm_ExpiredToken_Refused410AndActionStillWaits()
    {
        var (id, notice) = await AwaitingAsync("confirm-expired");
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2));

        var response = await Handler(new ApprovalTokens(host.TokenKey, later)).ConfirmAsync(Post(id, TokenOf(notice.ApproveUrl)), host.Client, default);

        Assert.Equal(410, response.Status);
        Assert.Contains(ledger.Refusals, r => r.Reason == ApprovalTokenRefusal.Expired);
        Assert.True((await host.Client.GetInstanceAsync(id))!.IsRunning);
    }

    [Fact]
    public async Task Confirm_ForgedToken_Refused401AndRecorded()
    {
        var (id, notice) = await AwaitingAsync("confirm-forged");
        var claims = host.Tokens.Check(TokenOf(notice.RejectUrl)).Claims! with { Decision = ApprovalTokenClaims.Approve };
        var forged = new ApprovalTokens(GovernanceTestHost.NewTokenKey(), TimeProvider.System).Issue(claims);

        var response = await Handler().ConfirmAsync(Post(id, forged), host.Client, default);
        var page = await Handler().ShowAsync(Get(id, TokenOf(notice.ApproveUrl)[..^3] + "AAA"), host.Client, default);

        Assert.Equal(401, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        Assert.Equal(401, page.Status);
        Assert.Equal(2, ledger.Refusals.Count(r => r.Reason == ApprovalTokenRefusal.Tampered && r.ActionId == id));
        Assert.True((await host.Client.GetInstanceAsync(id))!.IsRunning);
    }

    [Fact]
    public async Task Confirm_TokenOfAnotherAction_Refused403AsForeign()
    {
        var (first, notice) = await AwaitingAsync("confirm-foreign-a");
        var (second, _) = await AwaitingAsync("confirm-foreign-b");
        var sameDigestOtherId = host.Tokens.Issue(host.Tokens.Check(TokenOf(notice.ApproveUrl)).Claims! with { ActionId = second });

        var response = await Handler().ConfirmAsync(Post(second, TokenOf(notice.ApproveUrl)), host.Client, default);
        var digestMismatch = await Handler().ConfirmAsync(Post(second, sameDigestOtherId), host.Client, default);

        Assert.Equal(403, response.Status);
        Assert.Equal(403, digestMismatch.Status);
        Assert.Equal(2, ledger.Refusals.Count(r => r.Reason == ApprovalTokenRefusal.Foreign && r.ActionId == second));
        Assert.True((await host.Client.GetInstanceAsync(first))!.IsRunning);
        Assert.True((await host.Client.GetInstanceAsync(second))!.IsRunning);
    }

    [Fact]
    public async Task Confirm_NotAForm_Refused415()
    {
        var (id, notice) = await AwaitingAsync("confirm-json");
        var request = Post(id, TokenOf(notice.ApproveUrl));
        var json = new ApiRequest
        {
            Method = request.Method,
            Url = request.Url,
            Route = request.Route,
            Body = request.Body,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" },
        };

        Assert.Equal(415, (await Handler().ConfirmAsync(json, host.Client, default)).Status);
    }
}
