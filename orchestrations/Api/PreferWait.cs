using System.Globalization;

namespace AgentTrust.Orchestrations.Api;

/// <summary>Reads the <c>wait</c> preference of an RFC 7240 <c>Prefer</c> header, capped by the server's limit.</summary>
public static class PreferWait
{
    public static TimeSpan Parse(string? prefer, int maxSeconds)
    {
        if (string.IsNullOrWhiteSpace(prefer))
        {
            return TimeSpan.Zero;
        }

        foreach (var part in prefer.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("wait=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(part.AsSpan(5), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, maxSeconds));
            }
        }

        return TimeSpan.Zero;
    }
}
