using System.Text.Unicode;

namespace AgentTrust.Orchestrations.Api;

/// <summary>The checks every JSON body passes before it is parsed: size first, then media type.</summary>
public static class JsonRequests
{
    /// <summary>A problem response when the body is too large or not JSON; null when it may be parsed.</summary>
    public static ApiResponse? Refuse(ApiRequest request, int maxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BodyTooLarge || request.Body.Length > maxBodyBytes)
        {
            return Problems.TooLarge(request, maxBodyBytes);
        }

        if (!IsJson(request.Header("Content-Type")))
        {
            return Problems.UnsupportedMediaType(request);
        }

        // JSON is UTF-8 (RFC 8259). The parser only meets bad bytes inside a string when the string is read, as an
        // InvalidOperationException deep in a handler: refuse them here, before anything is parsed.
        return Utf8.IsValid(request.Body.Span) ? null : Problems.MalformedJson(request, "The body is not valid UTF-8; nothing was processed.");
    }

    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
