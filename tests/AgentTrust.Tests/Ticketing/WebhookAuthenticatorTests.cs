using System.Globalization;
using System.Text;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Ticketing.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgentTrust.Tests.Ticketing;

public sealed class WebhookAuthenticatorTests
{
    const string Secret = "sn-secret-0123456789abcdef";
    const string JiraSecret = "jira-secret-0123456789abcdef";
    static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1795687451000).AddSeconds(5);

    readonly FakeTimeProvider time = new(Now);

    WebhookAuthenticator Authenticator(string? serviceNowSecret = Secret, string? previous = null, string? jiraSecret = JiraSecret) =>
        new(Options.Create(new WebhookOptions
        {
            ServiceNow = new WebhookSourceOptions { Secret = serviceNowSecret, PreviousSecret = previous },
            Jira = new WebhookSourceOptions { Secret = jiraSecret },
        }), time);

    static ApiRequest ServiceNowRequest(byte[] body, string secret, DateTimeOffset sentAt, Action<Dictionary<string, string>>? tamper = null)
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [WebhookAuthenticator.ServiceNowTimestampHeader] = timestamp,
            [WebhookAuthenticator.ServiceNowSignatureHeader] = WebhookSignature.Compute(secret, WebhookSignature.ServiceNowSignedBytes(timestamp, body)),
        };
        tamper?.Invoke(headers);
        return new ApiRequest { Method = "POST", Url = new Uri("http://localhost/api/webhooks/servicenow"), Headers = headers, Body = body };
    }

    static ApiRequest JiraRequest(byte[] body, string secret) => new()
    {
        Method = "POST",
        Url = new Uri("http://localhost/api/webhooks/jira"),
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [WebhookAuthenticator.JiraSignatureHeader] = WebhookSignature.Compute(secret, body) },
        Body = body,
    };

    [Fact]
    public void CheckServiceNow_SignedFreshDelivery_IsAcceptedWithTheMacAsDeliveryId()
    {
        var body = Fixtures.Bytes("servicenow-incident-resolved.json");
        var request = ServiceNowRequest(body, Secret, Now.AddSeconds(-30));

        var check = Authenticator().CheckServiceNow(request);

        Assert.True(check.Accepted, check.Reason);
        Assert.Equal(request.Header(WebhookAuthenticator.ServiceNowSignatureHeader)![WebhookSignature.Prefix.Length..], check.DeliveryId);
    }

    [Fact]
    public void CheckServiceNow_BodyChangedAfterSigning_IsRefusedAsBadSignature()
    {
        var body = Fixtures.Bytes("servicenow-incident-resolved.json");
        var request = ServiceNowRequest(body, Secret, Now);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"state\": \"6\"", "\"state\": \"7\"", StringComparison.Ordinal));
        Assert.NotEqual(body, tampered);

        var check = Authenticator().CheckServiceNow(new ApiRequest { Method = "POST", Url = request.Url, Headers = request.Headers, Body = tampered });

        Assert.False(check.Accepted);
        Assert.Equal(WebhookRejectionReasons.BadSignature, check.Reason);
    }

    [Fact]
    public void CheckServiceNow_TimestampHeaderChanged_IsRefusedBecauseTheTimestampIsSigned()
    {
        var body = Fixtures.Bytes("servicenow-incident-resolved.json");
        var request = ServiceNowRequest(body, Secret, Now.AddHours(-2),
            h => h[WebhookAuthenticator.ServiceNowTimestampHeader] = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

        Assert.Equal(WebhookRejectionReasons.BadSignature, Authenticator().CheckServiceNow(request).Reason);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void CheckServiceNow_OutsideTheWindow_IsRefused(int offsetSeconds)
    {
        var request = ServiceNowRequest(Fixtures.Bytes("servicenow-incident-resolved.json"), Secret, Now.AddSeconds(offsetSeconds));

        Assert.Equal(WebhookRejectionReasons.StaleTimestamp, Authenticator().CheckServiceNow(request).Reason);
    }

    [Fact]
    public void CheckServiceNow_WrongSecret_IsRefused()
    {
        var request = ServiceNowRequest(Fixtures.Bytes("servicenow-incident-resolved.json"), "someone-elses-secret-000", Now);

        Assert.Equal(WebhookRejectionReasons.BadSignature, Authenticator().CheckServiceNow(request).Reason);
    }

    [Fact]
    public void CheckServiceNow_SignedWithThePreviousSecretDuringRotation_IsAccepted()
    {
        const string old = "old-secret-0123456789abcdef";
        var request = ServiceNowRequest(Fixtures.Bytes("servicenow-incident-resolved.json"), old, Now);

        Assert.True(Authenticator(previous: old).CheckServiceNow(request).Accepted);
        Assert.False(Authenticator().CheckServiceNow(request).Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-x;SecretName=servicenow-webhook-secret)")]
    public void CheckServiceNow_NoUsableSecretConfigured_RefusesEvenACorrectlySignedDelivery(string? configured)
    {
        // An unresolved Key Vault reference is public text: signing with it must not get anything in.
        var request = ServiceNowRequest(Fixtures.Bytes("servicenow-incident-resolved.json"), configured is { Length: > 0 } c ? c : "x", Now);

        var check = Authenticator(serviceNowSecret: configured).CheckServiceNow(request);

        Assert.Equal(WebhookRejectionReasons.NoSecretConfigured, check.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("sha256=zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void CheckServiceNow_MissingOrMalformedSignature_IsRefused(string? signature)
    {
        var request = ServiceNowRequest(Fixtures.Bytes("servicenow-incident-resolved.json"), Secret, Now, h =>
        {
            if (signature is null)
            {
                h.Remove(WebhookAuthenticator.ServiceNowSignatureHeader);
            }
            else
            {
                h[WebhookAuthenticator.ServiceNowSignatureHeader] = signature;
            }
        });

        Assert.False(Authenticator().CheckServiceNow(request).Accepted);
    }

    [Fact]
    public void CheckJira_HubSignatureOverBody_IsAcceptedWithTheBodyTimestamp()
    {
        var check = Authenticator().CheckJira(JiraRequest(Fixtures.Bytes("jira-issue-resolved.json"), JiraSecret));

        Assert.True(check.Accepted, check.Reason);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795687451000), check.SentAt);
    }

    [Fact]
    public void CheckJira_OldTimestampInSignedBody_IsRefused()
    {
        time.Advance(TimeSpan.FromMinutes(10));

        var check = Authenticator().CheckJira(JiraRequest(Fixtures.Bytes("jira-issue-resolved.json"), JiraSecret));

        Assert.Equal(WebhookRejectionReasons.StaleTimestamp, check.Reason);
    }

    [Fact]
    public void CheckJira_SignedWithTheServiceNowSecret_IsRefused()
    {
        var check = Authenticator().CheckJira(JiraRequest(Fixtures.Bytes("jira-issue-resolved.json"), Secret));

        Assert.Equal(WebhookRejectionReasons.BadSignature, check.Reason);
    }
}
