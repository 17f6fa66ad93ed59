using System.Buffers.Text;
using System.Text;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// Page tokens as clients see them: the storage continuation token in base64url, so it travels in a query string
/// unchanged and a mangled one is told apart (a 400 problem) from a storage error.
/// </summary>
public static class ContinuationTokens
{
    public static string? Encode(string? storageToken) =>
        storageToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageToken));

    /// <summary>False when the token is not one this API handed out (not base64url, or empty).</summary>
    public static bool TryDecode(string? token, out string? storageToken)
    {
        storageToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (token.Length > 2048 || !Base64Url.IsValid(token))
        {
            return false;
        }

        storageToken = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        return storageToken.Length > 0;
    }
}
