using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// Posts an Adaptive Card with approve and reject links to the group's Teams incoming webhook or Workflows URL. The
/// links open the confirmation page (no state change on GET). The recipient recorded is <c>teams:{group}</c>: the
/// channel, never the webhook URL, which is a secret.
/// </summary>
public sealed class TeamsNotifier(IHttpClientFactory httpClients, IOptions<ApprovalOptions> options) : INotifier
{
    public const string HttpClientName = "agenttrust-teams";

    public string Channel => "teams";

    public IReadOnlyList<string> RecipientsFor(string group) =>
        options.Value.Groups.TryGetValue(group, out var configured) && configured.TeamsWebhookUrl is not null ? ["teams:" + group] : [];

    public async Task<NotificationResult> NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!options.Value.Groups.TryGetValue(notification.Group, out var group) || group.TeamsWebhookUrl is null)
        {
            return new NotificationResult(Channel, notification.Group, notification.Recipient, false, "no Teams webhook is configured for this group");
        }

        using var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.PostAsJsonAsync(group.TeamsWebhookUrl, Message(notification), cancellationToken).ConfigureAwait(false);
            return new NotificationResult(
                Channel, notification.Group, notification.Recipient, response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The message of these exceptions does not carry the URL; the URL itself is never recorded.
            return new NotificationResult(Channel, notification.Group, notification.Recipient, false, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>The message shape both incoming webhooks and Workflows accept: one Adaptive Card attachment.</summary>
    public static JsonObject Message(ApprovalNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var request = notification.Request;
        var facts = new JsonArray(
            Fact("Agent", request.AgentId),
            Fact("Lane", request.Lane),
            Fact("Ticket", $"{request.TicketSystem} {request.TicketId}"),
            Fact("Action", request.ActionType),
            Fact("Why a human", string.Join("; ", request.Reasons)),
            Fact("Answer by", request.Deadline.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["size"] = "Medium",
                    ["weight"] = "Bolder",
                    ["wrap"] = true,
                    ["text"] = request.Escalated ? $"Escalated: approval needed for action {request.ActionId}" : $"Approval needed for action {request.ActionId}",
                },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
            ["actions"] = new JsonArray(
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Approve", ["url"] = notification.ApproveUrl.ToString() },
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Reject", ["url"] = notification.RejectUrl.ToString() }),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }

    static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
