using System.Globalization;
using AgentTrust.Domain.Actions;
using AgentTrust.Orchestrations.Api;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>The paging parameters every list takes: <c>pageSize</c> (1..200, default 50) and <c>continuationToken</c>.</summary>
public sealed record PageQuery(int PageSize, string? StorageToken)
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    /// <summary>The query, or the field errors that make it a 400 problem.</summary>
    public static (PageQuery? Query, List<FieldError> Errors) Read(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var size = DefaultPageSize;
        if (request.Query("pageSize") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
        {
            errors.Add(new FieldError("pageSize", $"must be a whole number from 1 to {MaxPageSize}"));
        }

        if (!ContinuationTokens.TryDecode(request.Query("continuationToken"), out var token))
        {
            errors.Add(new FieldError("continuationToken", "is not a token this API returned"));
        }

        return (errors.Count == 0 ? new PageQuery(size, token) : null, errors);
    }

    /// <summary>The link to the next page: this request's URL with the next token (and every other parameter kept).</summary>
    public static string? NextLink(ApiRequest request, string? nextStorageToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ContinuationTokens.Encode(nextStorageToken) is not { } next)
        {
            return null;
        }

        var kept = request.Url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("continuationToken=", StringComparison.Ordinal));
        return request.Url.AbsolutePath + "?" + string.Join('&', kept.Append("continuationToken=" + Uri.EscapeDataString(next)));
    }
}
