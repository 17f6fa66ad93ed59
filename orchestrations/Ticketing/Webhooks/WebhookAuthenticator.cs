using System.Globalization;
using System.Text.Json;
using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>
/// Authenticates webhook deliveries before anything in them is trusted: the HMAC-SHA256 signature over the raw
/// bytes with the source's secret, then the signed timestamp within the window. The replay check (the ledger) comes
/// after, in the intake, because it writes. A source without a secret is refused outright: fail closed.
/// </summary>
public sealed class WebhookAuthenticator(IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>ServiceNow (scripted REST message): <c>sha256=hex</c> of <c>timestamp + "." + body</c>.</summary>
    public const string ServiceNowSignatureHeader = "X-AgentTrust-Signature";

    /// <summary>ServiceNow: Unix seconds when the business rule sent the message; part of the signed bytes.</summary>
    public const string ServiceNowTimestampHeader = "X-AgentTrust-Timestamp";

    /// <summary>Jira Cloud and Data Center webhooks with a secret: <c>sha256=hex</c> of the body.</summary>
    public const string JiraSignatureHeader = "X-Hub-Signature";

    public WebhookCheck CheckServiceNow(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = options.Value.ServiceNow;
        if (!IsUsable(source.Secret))
        {
            return WebhookCheck.Refuse(WebhookRejectionReasons.NoSecretConfigured);
        }

        var signature = request.Header(ServiceNowSignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return WebhookCheck.Refuse(WebhookRejectionReasons.MissingSignature);
        }

        var timestamp = request.Header(ServiceNowTimestampHeader);
        if (string.IsNullOrEmpty(timestamp) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253402300799)
        {
            return WebhookCheck.Refuse(WebhookRejectionReasons.MissingTimestamp);
        }

        var signed = WebhookSignature.ServiceNowSignedBytes(timestamp, request.Body.Span);
        if (!WebhookSignature.Verify(signature, signed, [source.Secret, IsUsable(source.PreviousSecret) ? source.PreviousSecret : null], out var mac))
        {
            return WebhookCheck.Refuse(WebhookRejectionReasons.BadSignature);
        }

        return InWindow(DateTimeOffset.FromUnixTimeSeconds(seconds), mac);
    }

    public WebhookCheck CheckJira(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = options.Value.Jira;
        if (!IsUsable(source.Secret))
        {
            return WebhookCheck.Refuse(WebhookRejectionReasons.NoSecretConfigured);
        }

        var signature = request.Header(JiraSignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return WebhookCheck.Refuse(WebhookRejectionReasons.MissingSignature);
        }

        if (!WebhookSignature.Verify(signature, request.Body.Span, [source.Secret, IsUsable(source.PreviousSecret) ? source.PreviousSecret : null], out var mac))
        {
            return WebhookCheck.Refuse(WebhookRejectionReasons.BadSignature);
        }

        // Jira puts the send time in the (signed) body as Unix milliseconds; it is read only now the body is authentic.
        long? millis = null;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var ms))
            {
                millis = ms;
            }
        }
        catch (JsonException)
        {
        }

        return millis is { } value and >= 0 and < 253402300799999
            ? InWindow(DateTimeOffset.FromUnixTimeMilliseconds(value), mac)
            : WebhookCheck.Refuse(WebhookRejectionReasons.MissingTimestamp);
    }

    /// <summary>
    /// A Key Vault reference the platform could not resolve stays in the setting as its literal text, which anyone
    /// can read in this repository's Bicep: never accept it as a secret. Short secrets are refused too.
    /// </summary>
    public static bool IsUsable(string? secret) =>
        secret is { Length: >= 16 } && !secret.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    WebhookCheck InWindow(DateTimeOffset sentAt, byte[] mac)
    {
        var skew = (time.GetUtcNow() - sentAt).Duration();
        return skew > TimeSpan.FromSeconds(options.Value.ToleranceSeconds)
            ? WebhookCheck.Refuse(WebhookRejectionReasons.StaleTimestamp)
            : new WebhookCheck(true, null, Convert.ToHexStringLower(mac), sentAt);
    }
}
