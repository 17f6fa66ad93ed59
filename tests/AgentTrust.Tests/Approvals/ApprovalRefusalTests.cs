using System.Text;
using AgentTrust.Domain.Evidence;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentTrust.Tests.Approvals;

/// <summary>Refused approval links: signed evidence without the token, and a page for people's browsers.</summary>
public sealed class ApprovalRefusalTests : IAsyncLifetime
{
    GovernanceTestHost host = null!;

    public async Task InitializeAsync() => host = await GovernanceTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    ConfirmApprovalHandler Handler(ApprovalTokens tokens)
    {
        var services = new ServiceCollection()
            .AddSingleton(tokens)
            .AddSingleton<IApprovalTokenLedger>(new InMemoryApprovalTokenLedger())
            .AddSingleton<IEvidenceStore>(host.Evidence);
        services.AddOptions<ApiOptions>();
        return new ConfirmApprovalHandler(services.BuildServiceProvider());
    }

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

    static ApiRequest Get(string id, string token, string? accept) => new()
    {
        Method = "GET",
        Url = new Uri($"http://localhost/api/approvals/{id}/confirm?token={Uri.EscapeDataString(token)}"),
        Route = new Dictionary<string, string> { ["id"] = id },
        Headers = accept is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = accept },
    };

    [Fact]
    public async Task Show_ExpiredTokenFromABrowser_AccessiblePage410SayingWhy()
    {
        var (id, notice) = await AwaitingAsync("refusal-page");
        var later = new ApprovalTokens(host.TokenKey, new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(3)));

        var page = await Handler(later).ShowAsync(Get(id, TokenOf(notice.ApproveUrl), "text/html,application/xhtml+xml,*/*;q=0.8"), host.Client, default);
        var api = await Handler(later).ShowAsync(Get(id, TokenOf(notice.ApproveUrl), "application/json"), host.Client, default);

        Assert.Equal(410, page.Status);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        var html = Encoding.UTF8.GetString(page.Body.Span);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>The approval link has expired</h1>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers["Cache-Control"]);
        Assert.Equal(410, api.Status);
        Assert.Equal("application/problem+json; charset=utf-8", api.ContentType);
    }

    [Fact]
    public async Task Show_UsedTokenFromABrowser_Page409AlreadyUsed()
    {
        var (id, notice) = await AwaitingAsync("refusal-used");
        var token = TokenOf(notice.ApproveUrl);
        var ledger = new InMemoryApprovalTokenLedger();
        Assert.True(await ledger.TryUseAsync(host.Tokens.Check(token).Claims!, default));
        var services = new ServiceCollection().AddSingleton(host.Tokens).AddSingleton<IApprovalTokenLedger>(ledger).AddSingleton<IEvidenceStore>(host.Evidence);
        services.AddOptions<ApiOptions>();
        var used = new ConfirmApprovalHandler(services.BuildServiceProvider());
        var form = new ApiRequest
        {
            Method = "POST",
            Url = new Uri($"http://localhost/api/approvals/{id}/confirm"),
            Route = new Dictionary<string, string> { ["id"] = id },
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Content-Type"] = "application/x-www-form-urlencoded",
                ["Accept"] = "text/html",
            },
            Body = Encoding.UTF8.GetBytes($"token={Uri.EscapeDataString(token)}"),
        };

        var page = await used.ConfirmAsync(form, host.Client, default);

        Assert.Equal(409, page.Status);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        Assert.Contains("already used", Encoding.UTF8.GetString(page.Body.Span), StringComparison.Ordinal);
        Assert.True((await host.Client.GetInstanceAsync(id))!.IsRunning);
    }

    [Fact]
    public async Task Confirm_TamperedToken_SignedRefusalEvidenceWithoutTheToken()
    {
        var (id, notice) = await AwaitingAsync("refusal-evidence");
        var token = TokenOf(notice.ApproveUrl);
        var tampered = token[..^3] + (token.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");

        var response = await Handler(host.Tokens).ShowAsync(Get(id, tampered, null), host.Client, default);

        Assert.Equal(401, response.Status);
        var (draft, bytes) = Assert.Single(host.Evidence.All, r => r.Draft.Kind == EvidenceKinds.ApprovalRefusal);
        Assert.Equal("classifier-01", draft.AgentId);
        Assert.Equal("servicenow", draft.TicketSystem);
        Assert.Equal(GovernAgentActionOrchestrator.ActionDigestOf(Samples.Classify(3, 0.4, "refusal-evidence")), draft.ActionDigest);
        var record = draft.Payload.GetProperty("record");
        Assert.Equal(id, record.GetProperty("actionId").GetString());
        Assert.Equal("tampered", record.GetProperty("reason").GetString());
        var stored = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain(tampered.Split('.')[1], stored, StringComparison.Ordinal);
        Assert.DoesNotContain(tampered.Split('.')[2], stored, StringComparison.Ordinal);
        Assert.True((await host.Client.GetInstanceAsync(id))!.IsRunning);
    }
}
