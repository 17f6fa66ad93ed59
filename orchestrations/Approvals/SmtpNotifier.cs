using System.Globalization;
using System.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// Sends each member of the group an email (MailKit, through the configured SMTP relay) with their own approve and
/// reject links, as plain text and HTML. Off unless <c>AgentTrust:Approvals:Smtp:Host</c> is set.
/// </summary>
public sealed class SmtpNotifier(IOptions<ApprovalOptions> options) : INotifier
{
    public string Channel => "email";

    public IReadOnlyList<string> RecipientsFor(string group) =>
        !string.IsNullOrWhiteSpace(options.Value.Smtp.Host) && options.Value.Groups.TryGetValue(group, out var configured) ? [.. configured.Emails] : [];

    public async Task<NotificationResult> NotifyAsync(ApprovalNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return new NotificationResult(Channel, notification.Group, notification.Recipient, false, "no SMTP host is configured");
        }

        using var message = Compose(notification, smtp.From);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken)
                .ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            var reply = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return new NotificationResult(Channel, notification.Group, notification.Recipient, true, "accepted: " + reply);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
            or System.Net.Sockets.SocketException or IOException or OperationCanceledException or SslHandshakeException)
        {
            return new NotificationResult(Channel, notification.Group, notification.Recipient, false, ex.GetType().Name + ": " + ex.Message);
        }
    }

    public static MimeMessage Compose(ApprovalNotification notification, string from)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var request = notification.Request;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        message.Subject = (request.Escalated ? "[Escalated] " : string.Empty) + $"Approval needed: {request.ActionType} on {request.TicketSystem} {request.TicketId}";
        var deadline = request.Deadline.ToString("u", CultureInfo.InvariantCulture);
        var reasons = string.Join("; ", request.Reasons);
        var text = $"""
            Agent {request.AgentId} ({request.Lane}) proposes '{request.ActionType}' on {request.TicketSystem} {request.TicketId}.
            A human must decide because: {reasons}
            Answer by {deadline}; without an answer the action is not applied.

            Approve: {notification.ApproveUrl}
            Reject:  {notification.RejectUrl}

            Each link opens a confirmation page and works once.
            """;
        string E(string value) => WebUtility.HtmlEncode(value);
        var html = $"""
            <p>Agent <b>{E(request.AgentId)}</b> ({E(request.Lane)}) proposes <b>{E(request.ActionType)}</b> on {E(request.TicketSystem)} {E(request.TicketId)}.</p>
            <p>A human must decide because: {E(reasons)}</p>
            <p>Answer by {E(deadline)}; without an answer the action is not applied.</p>
            <p><a href="{E(notification.ApproveUrl.ToString())}">Approve</a> &middot; <a href="{E(notification.RejectUrl.ToString())}">Reject</a></p>
            <p>Each link opens a confirmation page and works once.</p>
            """;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
