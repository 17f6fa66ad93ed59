using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Ticketing.Webhooks;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AgentTrust.IntegrationTests.Reliability;

/// <summary>
/// The local host on Azurite, configured with every kind of secret (webhook HMAC secrets, SMTP password, a Teams
/// webhook URL whose path and query are the credential, the approval token key, the storage account key), with
/// debug logging on, driven through accepted and refused requests and a notification that fails. Afterwards none
/// of the secrets appears in the process's logs, in any evidence blob, or in any response body.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecretLeakTests(AzuriteFixture azurite)
{
    const string ServiceNowSecret = "sn-hmac-S3CRET-5fd1c0a8b77e4e21";
    const string JiraSecret = "jira-hmac-S3CRET-0b9d6c1e2f3a4b5c";
    const string SmtpPassword = "smtp-pass-S3CRET-7a6b5c4d3e2f1a0b";
    const string TeamsSig = "teams-sig-S3CRET-9f8e7d6c5b4a3f2e";
    static readonly string TokenKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("token-key-S3CRET-0123456789abcdef"));

    static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task LocalHost_SecretsConfiguredAndRequestsRefusedOrFailed_NoSecretInLogsEvidenceOrResponses()
    {
        var port = ClosedPort();
        var accountKey = Regex.Match(azurite.ConnectionString, "AccountKey=([^;]+)").Groups[1].Value;
        string[] secrets = [ServiceNowSecret, JiraSecret, SmtpPassword, TeamsSig, TokenKey, accountKey];
        await using var host = await LocalHostProcess.StartAsync(
            azurite.ConnectionString,
            "leak" + Guid.NewGuid().ToString("N")[..8],
            "--Logging:LogLevel:Default=Debug",
            $"--AgentTrust:Webhooks:ServiceNow:Secret={ServiceNowSecret}",
            $"--AgentTrust:Webhooks:Jira:Secret={JiraSecret}",
            $"--AgentTrust:Approvals:TokenKey={TokenKey}",
            "--AgentTrust:Approvals:Smtp:Host=127.0.0.1",
            $"--AgentTrust:Approvals:Smtp:Port={port}",
            "--AgentTrust:Approvals:Smtp:UseTls=false",
            "--AgentTrust:Approvals:Smtp:UserName=agenttrust",
            $"--AgentTrust:Approvals:Smtp:Password={SmtpPassword}",
            "--AgentTrust:Approvals:Groups:leads:Emails:0=lead@example.com",
            $"--AgentTrust:Approvals:Groups:leads:TeamsWebhookUrl=http://127.0.0.1:{port}/webhookb2/{TeamsSig}?sig={TeamsSig}");
        using var api = new ApiClient(host.BaseUrl);
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        var bodies = new List<string>();
        async Task Send(HttpRequestMessage request)
        {
            using var response = await http.SendAsync(request);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        var agent = "leak-" + Guid.NewGuid().ToString("N")[..8];
        await api.PublishAsync(Actions.Pact(agent));
        // A low-confidence action waits for a human: both notifiers are tried and fail (nothing listens on the port).
        var (_, waiting) = await api.ProposeAsync(Actions.Classify(agent, "k1", priority: 3, confidence: 0.3));
        bodies.Add(waiting.GetRawText());
        var id = waiting.GetProperty("id").GetString()!;
        // evaluation, decision, notification (who was asked and what failed)
        var notified = await api.GetAsync(id);
        for (var i = 0; i < 150 && notified.GetProperty("evidence").GetArrayLength() < 3; i++)
        {
            await Task.Delay(200);
            notified = await api.GetAsync(id);
        }

        bodies.Add(notified.GetRawText());
        // Refused: a forged approval link, a webhook signed with a wrong secret, an unsigned one, a stale one, bad JSON.
        await Send(new HttpRequestMessage(HttpMethod.Post, $"api/approvals/{id}/confirm")
        {
            Content = new StringContent("token=v1.eyJ4IjoxfQ.AAAA", Encoding.UTF8, "application/x-www-form-urlencoded"),
        });
        var body = Encoding.UTF8.GetBytes("""{"event_id":"x","table":"incident","operation":"update","current":{"sys_id":"1","number":"INC1"}}""");
        foreach (var (secret, sentAt) in new[] { ("wrong-secret-0123456789", DateTimeOffset.UtcNow), (ServiceNowSecret, DateTimeOffset.UtcNow.AddHours(-2)), (ServiceNowSecret, DateTimeOffset.UtcNow) })
        {
            var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/servicenow") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add(WebhookAuthenticator.ServiceNowTimestampHeader, timestamp);
            request.Headers.Add(WebhookAuthenticator.ServiceNowSignatureHeader, WebhookSignature.Compute(secret, WebhookSignature.ServiceNowSignedBytes(timestamp, body)));
            await Send(request);
        }

        await Send(new HttpRequestMessage(HttpMethod.Post, "api/webhooks/jira") { Content = new StringContent("{\"timestamp\":1}", Encoding.UTF8, "application/json") });
        await Send(new HttpRequestMessage(HttpMethod.Post, "api/actions") { Content = new StringContent("{\"agentId\":", Encoding.UTF8, "application/json") });
        await api.ApproveAsync(id, approved: false);
        await api.WaitForStatusAsync(id, TimeSpan.FromSeconds(30), "rejected");
        await host.StopAsync();

        var evidence = new StringBuilder();
        // Every blob as stored (record batches, keys, checkpoints), and every record of the agent's log opened:
        // records are DSSE envelopes whose statement is base64 inside.
        var container = new BlobContainerClient(azurite.ConnectionString, "evidence");
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions()))
        {
            evidence.AppendLine(Encoding.UTF8.GetString((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray()));
        }

        var bundle = await new StorageEvidenceExporter(StoredEvidenceNames.Clients(azurite.ConnectionString)).ReadAsync();
        foreach (var record in bundle.Logs.Single(l => l.LogId == agent).Leaves)
        {
            evidence.AppendLine(Encoding.UTF8.GetString(EvidenceEnvelopes.Open(record.Content!).SignedBytes));
        }

        var logs = string.Join('\n', host.Output);
        Assert.NotEmpty(logs);
        Assert.Contains("\"delivered\":false", evidence.ToString(), StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, evidence.ToString(), StringComparison.Ordinal);
            Assert.All(bodies, b => Assert.DoesNotContain(secret, b, StringComparison.Ordinal));
        }
    }
}
