using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// Issues and checks approval link tokens: <c>v1.{base64url(claims JSON)}.{base64url(HMAC-SHA256)}</c>. The HMAC
/// covers the version and the claims, so any change to either is refused as tampered. This class checks signature and
/// expiry only; binding to the route's action (foreign) and single use (replayed) are checked by the confirm handler
/// against the running action and the token ledger.
/// </summary>
public sealed class ApprovalTokens
{
    const string Version = "v1";
    readonly byte[] key;
    readonly TimeProvider time;

    public ApprovalTokens(byte[] key, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The approval token key must be at least 32 bytes.", nameof(key));
        }

        this.key = key;
        this.time = time;
    }

    public static string NewNonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public string Issue(ApprovalTokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var body = Version + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, JsonDefaults.Options));
        return body + "." + Base64Url.EncodeToString(Sign(body));
    }

    public ApprovalTokenCheck Check(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return new(null, ApprovalTokenRefusal.Malformed);
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !Base64Url.IsValid(parts[1]) || !Base64Url.IsValid(parts[2]))
        {
            return new(null, ApprovalTokenRefusal.Malformed);
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
        {
            return new(null, ApprovalTokenRefusal.Tampered);
        }

        ApprovalTokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<ApprovalTokenClaims>(Base64Url.DecodeFromChars(parts[1]), JsonDefaults.Options);
        }
        catch (JsonException)
        {
            claims = null;
        }

        if (claims is null || claims.Decision is not (ApprovalTokenClaims.Approve or ApprovalTokenClaims.Reject)
            || string.IsNullOrEmpty(claims.ActionId) || string.IsNullOrEmpty(claims.Nonce) || string.IsNullOrEmpty(claims.Approver))
        {
            return new(null, ApprovalTokenRefusal.Malformed);
        }

        return time.GetUtcNow() >= claims.Expires ? new(claims, ApprovalTokenRefusal.Expired) : new(claims, null);
    }

    byte[] Sign(string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));
}
