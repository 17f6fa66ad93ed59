using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// Sends each member of the group the approval email through the Azure Communication Services Email REST API
/// (<c>POST {endpoint}/emails:send?api-version=2023-03-31</c>, signed with the resource's access key), with the same
/// subject and plain-text and HTML bodies as the SMTP channel. Off unless <see cref="AcsEmailOptions.IsConfigured"/>.
/// ACS accepts the message (202) and delivers it later; the operation id is recorded, never the key or the links.
/// </summary>
public sealed class AcsEmailNotifier(IHttpClientFactory httpClients, IOptions<ApprovalOptions> options, TimeProvider time) : INotifier
{
    public const string HttpClientName = "agenttrust-acs-email";
    public const string ApiVersion = "2023-03-31";

    public string Channel => "acs-email";

    public IReadOnlyList<string> RecipientsFor(string group) =>
        options.Value.AcsEmail.IsConfigured && options.Value.Groups.TryGetValue(group, out var configured) ? [.. configured.Emails] : [];

    public async Task<NotificationResult> NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var acs = options.Value.AcsEmail;
        if (!acs.IsConfigured)
        {
            return new NotificationResult(Channel, notification.Group, notification.Recipient, false, "Azure Communication Services email is not configured");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(acs.AccessKey!);
        }
        catch (FormatException)
        {
            return new NotificationResult(Channel, notification.Group, notification.Recipient, false, "the ACS access key is not base64");
        }

        var uri = new Uri(acs.Endpoint!, $"/emails:send?api-version={ApiVersion}");
        var body = JsonSerializer.SerializeToUtf8Bytes(Message(notification, acs.SenderAddress!));
        var (date, contentHash, authorization) = AcsRequestSigner.Sign("POST", uri, body, key, time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(AcsRequestSigner.DateHeader, date);
        request.Headers.TryAddWithoutValidation(AcsRequestSigner.ContentHashHeader, contentHash);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var detail = $"HTTP {(int)response.StatusCode}";
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var field = response.IsSuccessStatusCode ? "id" : "code";
            if (Read(text, field) is { } value)
            {
                detail += response.IsSuccessStatusCode ? $", operation {value}" : $", {value}";
            }

            return new NotificationResult(Channel, notification.Group, notification.Recipient, response.IsSuccessStatusCode, detail);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new NotificationResult(Channel, notification.Group, notification.Recipient, false, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>The ACS email request: sender, one recipient, and the same subject and bodies as the SMTP channel.</summary>
    public static JsonObject Message(ApprovalNotification notification, string senderAddress)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var mime = SmtpNotifier.Compose(notification, senderAddress);
        return new JsonObject
        {
            ["senderAddress"] = senderAddress,
            ["recipients"] = new JsonObject { ["to"] = new JsonArray(new JsonObject { ["address"] = notification.Recipient }) },
            ["content"] = new JsonObject { ["subject"] = mime.Subject, ["plainText"] = mime.TextBody, ["html"] = mime.HtmlBody },
        };
    }

    /// <summary>A top-level string (the operation <c>id</c>) or the error's <c>code</c>; null when the body has none.</summary>
    static string? Read(string text, string field)
    {
        try
        {
            var node = JsonNode.Parse(text);
            var value = field == "code" ? node?["error"]?["code"] : node?[field];
            return value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
