using System.Text.Json;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Api;

/// <summary>An HTTP response from a shared handler, written out by whichever host serves it.</summary>
public sealed record ApiResponse(int Status, string? ContentType, ReadOnlyMemory<byte> Body, IReadOnlyDictionary<string, string> Headers)
{
    static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static ApiResponse Json<T>(int status, T value, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Options), headers ?? NoHeaders);

    public static ApiResponse Text(int status, string contentType, string body) =>
        new(status, contentType, System.Text.Encoding.UTF8.GetBytes(body), NoHeaders);
}
