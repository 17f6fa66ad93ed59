namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// An HTTP request as the shared handlers see it, whichever host received it: the Functions app and the local
/// host each turn their own request type into this, so no endpoint logic is written twice.
/// </summary>
public sealed class ApiRequest
{
    public required string Method { get; init; }

    /// <summary>The full request URL, used to build links in responses.</summary>
    public required Uri Url { get; init; }

    public IReadOnlyDictionary<string, string> Route { get; init; } = new Dictionary<string, string>();

    /// <summary>Header values by name (case-insensitive); several values of one header are joined with commas.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body was longer than the host's limit; <see cref="Body"/> holds only its start.</summary>
    public bool BodyTooLarge { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? RouteValue(string name) => Route.TryGetValue(name, out var value) ? value : null;

    public string? Query(string name)
    {
        var query = Url.Query.AsSpan().TrimStart('?');
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (Uri.UnescapeDataString(key.ToString()) == name)
            {
                return eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].ToString());
            }
        }

        return null;
    }
}
