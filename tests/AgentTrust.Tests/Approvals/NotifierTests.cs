using System.Net;
using System.Text.Json;
using AgentTrust.Orchestrations.Approvals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AgentTrust.Tests.Approvals;

public sealed class NotifierTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

    static ApprovalNotification Notice(string recipient, int rung = 0) => new(
        new ApprovalRequest(
            "agt-0123", "sha256:abc", "classifier-01", "incident-classification", "servicenow", "INC0000045", "classify",
            ["confidence 0.40 is below 0.8"], rung, ["service-desk-leads"], Now, Now.AddHours(1), Now.AddHours(2)),
        "service-desk-leads",
        recipient,
        new Uri("http://localhost:7071/api/approvals/agt-0123/confirm?token=v1.approve.sig"),
        new Uri("http://localhost:7071/api/approvals/agt-0123/confirm?token=v1.reject.sig"));

    static TeamsNotifier Teams(Uri webhook)
    {
        var options = new ApprovalOptions();
        options.Groups["service-desk-leads"] = new ApproverGroupOptions { TeamsWebhookUrl = webhook };
        var services = new ServiceCollection();
        services.AddHttpClient(TeamsNotifier.HttpClientName);
        return new TeamsNotifier(services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), Options.Create(options));
    }

    static SmtpNotifier Smtp(int port)
    {
        var options = new ApprovalOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, UseTls = false, From = "agenttrust@example.com" } };
        var group = new ApproverGroupOptions();
        group.Emails.Add("lead@example.com");
        group.Emails.Add("deputy@example.com");
        options.Groups["service-desk-leads"] = group;
        return new SmtpNotifier(Options.Create(options));
    }

    [Fact]
    public async Task TeamsNotify_LocalReceiver_GetsAdaptiveCardWithApproveAndRejectLinks()
    {
        await using var receiver = new LocalHttpReceiver();
        var teams = Teams(receiver.Url);

        var result = await teams.NotifyAsync(Notice("teams:service-desk-leads", rung: 1), default);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal(["teams:service-desk-leads"], teams.RecipientsFor("service-desk-leads"));
        Assert.Empty(teams.RecipientsFor("someone-else"));
        var (contentType, body) = Assert.Single(receiver.Received);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        using var message = JsonDocument.Parse(body);
        var attachment = message.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        var actions = card.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("title").GetString(), a.GetProperty("url").GetString())).ToList();
        Assert.Equal([("Approve", "http://localhost:7071/api/approvals/agt-0123/confirm?token=v1.approve.sig"), ("Reject", "http://localhost:7071/api/approvals/agt-0123/confirm?token=v1.reject.sig")], actions);
        Assert.StartsWith("Escalated", card.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part", JsonSerializer.Serialize(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsNotify_WebhookRefuses_UndeliveredWithStatusNotThrown()
    {
        await using var receiver = new LocalHttpReceiver(HttpStatusCode.Forbidden);

        var result = await Teams(receiver.Url).NotifyAsync(Notice("teams:service-desk-leads"), default);

        Assert.False(result.Delivered);
        Assert.Equal("HTTP 403", result.Detail);
    }

    [Fact]
    public async Task TeamsNotify_NothingListening_UndeliveredNotThrown()
    {
        Uri url;
        await using (var gone = new LocalHttpReceiver())
        {
            url = gone.Url;
        }

        var result = await Teams(url).NotifyAsync(Notice("teams:service-desk-leads"), default);

        Assert.False(result.Delivered);
        Assert.DoesNotContain(url.ToString(), result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpNotify_LocalSink_ReceivesMailWithBothLinks()
    {
        await using var sink = new LocalSmtpSink();
        var smtp = Smtp(sink.Port);

        var result = await smtp.NotifyAsync(Notice("lead@example.com"), default);

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal(["lead@example.com", "deputy@example.com"], smtp.RecipientsFor("service-desk-leads"));
        var (from, to, data) = Assert.Single(sink.Messages);
        Assert.Equal("agenttrust@example.com", from);
        Assert.Equal(["lead@example.com"], to);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data));
        var message = await MimeMessage.LoadAsync(stream);
        Assert.Equal("Approval needed: classify on servicenow INC0000045", message.Subject);
        Assert.Contains("http://localhost:7071/api/approvals/agt-0123/confirm?token=v1.approve.sig", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:7071/api/approvals/agt-0123/confirm?token=v1.reject.sig", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpNotify_RecipientRefused_UndeliveredNotThrown()
    {
        await using var sink = new LocalSmtpSink(rejectWithCode: 550);

        var result = await Smtp(sink.Port).NotifyAsync(Notice("lead@example.com"), default);

        Assert.False(result.Delivered);
        Assert.Contains("SmtpCommandException", result.Detail, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void SmtpRecipients_NoHostConfigured_NoRecipients()
    {
        var options = new ApprovalOptions();
        options.Groups["service-desk-leads"] = new ApproverGroupOptions();
        options.Groups["service-desk-leads"].Emails.Add("lead@example.com");

        Assert.Empty(new SmtpNotifier(Options.Create(options)).RecipientsFor("service-desk-leads"));
    }
}
