using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>HMAC-SHA256 signatures in the <c>sha256=&lt;hex&gt;</c> form, compared in constant time.</summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    /// <summary>The signature of <paramref name="signedBytes"/>, as a sender computes it.</summary>
    public static string Compute(string secret, ReadOnlySpan<byte> signedBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signedBytes);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>The bytes a ServiceNow sender signs: the timestamp header, a dot, and the raw body.</summary>
    public static byte[] ServiceNowSignedBytes(string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var bytes = new byte[prefix.Length + body.Length];
        prefix.CopyTo(bytes, 0);
        body.CopyTo(bytes.AsSpan(prefix.Length));
        return bytes;
    }

    /// <summary>
    /// True when <paramref name="header"/> is a valid signature of the bytes under any of the secrets. The MAC
    /// comparison is constant-time, so timing reveals nothing about how much of a forged signature was right.
    /// </summary>
    public static bool Verify(string? header, ReadOnlySpan<byte> signedBytes, IEnumerable<string?> secrets, out byte[] mac)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        mac = [];
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        var given = new byte[32];
        for (var i = 0; i < 32; i++)
        {
            if (!byte.TryParse(header.AsSpan(Prefix.Length + (i * 2), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out given[i]))
            {
                return false;
            }
        }

        var matched = false;
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signedBytes);
            // No early exit: every configured secret is tried, so the time taken does not say which one matched.
            matched |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        if (matched)
        {
            mac = given;
        }

        return matched;
    }
}
