using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// Azure Communication Services access-key authentication (HMAC-SHA256), as ACS documents it: the string to sign is
/// <c>{METHOD}\n{path and query}\n{x-ms-date};{host};{x-ms-content-sha256}</c>, signed with the base64-decoded access key;
/// the request carries <c>x-ms-date</c> (RFC 1123), <c>x-ms-content-sha256</c> (base64 SHA-256 of the body) and
/// <c>Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature={base64}</c>.
/// </summary>
public static class AcsRequestSigner
{
    public const string DateHeader = "x-ms-date";
    public const string ContentHashHeader = "x-ms-content-sha256";

    /// <summary>The three header values of a signed request.</summary>
    public static (string Date, string ContentHash, string Authorization) Sign(string method, Uri uri, ReadOnlySpan<byte> body, byte[] accessKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(accessKey);
        var date = at.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        // Host as the HTTP client sends it: with the port only when it is not the scheme's default.
        var toSign = $"{method.ToUpperInvariant()}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(toSign)));
        return (date, contentHash, $"HMAC-SHA256 SignedHeaders={DateHeader};host;{ContentHashHeader}&Signature={signature}");
    }
}
