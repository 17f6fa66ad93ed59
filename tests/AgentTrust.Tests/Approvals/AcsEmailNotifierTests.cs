using System.Security.Cryptography;
using System.Text.Json;
using AgentTrust.Orchestrations.Approvals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentTrust.Tests.Approvals;

public sealed class AcsEmailNotifierTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

    static ApprovalNotification Notice(string recipient) => new(
        new ApprovalRequest(
            "act-0123", "sha256:abc", "classifier-01", "incident-classification", "servicenow", "INC0000045", "classify",
            ["confidence 0.40 is below 0.8"], 0, ["service-desk-leads"], Now, Now.AddHours(1), Now.AddHours(2)),
        "service-desk-leads",
        recipient,
        new Uri("http://localhost:7071/api/approvals/act-0123/confirm?token=v1.approve.sig"),
        new Uri("http://localhost:7071/api/approvals/act-0123/confirm?token=v1.reject.sig"));

    static AcsEmailNotifier Notifier(Uri endpoint, byte[] key)
    {
        var options = new ApprovalOptions
        {
            AcsEmail = new AcsEmailOptions { Endpoint = endpoint, AccessKey = Convert.ToBase64String(key), SenderAddress = "DoNotReply@example.com" },
        };
        var group = new ApproverGroupOptions();
        group.Emails.Add("lead@example.com");
        options.Groups["service-desk-leads"] = group;
        var services = new ServiceCollection();
        services.AddHttpClient(AcsEmailNotifier.HttpClientName);
        return new AcsEmailNotifier(services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), Options.Create(options), TimeProvider.System);
    }

    [Fact]
    public async Task Notify_LocalAcsEndpoint_SignedRequestAcceptedWithTheApprovalLinks()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var acs = new AcsFakeServer(key);
        var notifier = Notifier(acs.Endpoint, key);

        var result = await notifier.NotifyAsync(Notice("lead@example.com"), default);

        var received = Assert.Single(acs.Received);
        Assert.True(received.SignatureValid, received.Reason);
        Assert.True(result.Delivered, result.Detail);
        Assert.Equal("HTTP 202, operation op-123", result.Detail);
        Assert.Equal("/emails:send?api-version=2023-03-31", received.PathAndQuery);
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal("DoNotReply@example.com", body.RootElement.GetProperty("senderAddress").GetString());
        Assert.Equal("lead@example.com", body.RootElement.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());
        var content = body.RootElement.GetProperty("content");
        Assert.Equal("Approval needed: classify on servicenow INC0000045", content.GetProperty("subject").GetString());
        Assert.Contains("token=v1.approve.sig", content.GetProperty("plainText").GetString(), StringComparison.Ordinal);
        Assert.Contains("token=v1.reject.sig", content.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key), result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_WrongAccessKey_RefusedByTheServerAndReportedUndelivered()
    {
        await using var acs = new AcsFakeServer(RandomNumberGenerator.GetBytes(32));
        var notifier = Notifier(acs.Endpoint, RandomNumberGenerator.GetBytes(32));

        var result = await notifier.NotifyAsync(Notice("lead@example.com"), default);

        Assert.False(result.Delivered);
        Assert.Equal("HTTP 401, Denied", result.Detail);
        Assert.Equal("signature does not match", Assert.Single(acs.Received).Reason);
    }

    [Fact]
    public void Services_AcsConfigured_AcsChannelReachesTheGroupAndSmtpStaysOff()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentTrust:Approvals:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["AgentTrust:Approvals:AcsEmail:Endpoint"] = "https://contoso.communication.azure.com/",
            ["AgentTrust:Approvals:AcsEmail:AccessKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["AgentTrust:Approvals:AcsEmail:SenderAddress"] = "DoNotReply@contoso.com",
            ["AgentTrust:Approvals:Groups:leads:Emails:0"] = "lead@contoso.com",
        }).Build();
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddAgentTrustApprovals(configuration).BuildServiceProvider();

        var reaching = services.GetServices<INotifier>().Where(n => n.RecipientsFor("leads").Count > 0).Select(n => n.Channel).ToList();

        Assert.Equal(["acs-email"], reaching);
    }
}
