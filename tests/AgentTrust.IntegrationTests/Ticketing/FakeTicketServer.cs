using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentTrust.IntegrationTests.Ticketing;

/// <summary>
/// A local fake of the ServiceNow Table API and the Jira REST API on 127.0.0.1: it keeps records, applies PATCH/PUT
/// writes (fields, work notes or comments, the AgentTrust marker), records every call, and injects scripted failures:
/// an HTTP status (with Retry-After), or a delay after the write is applied (the "write landed, answer lost" case).
/// </summary>
internal sealed class FakeTicketServer : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly Task loop;
    readonly ConcurrentQueue<Failure> failures = new();

    public FakeTicketServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUrl.ToString());
        listener.Start();
        loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<(string Method, string Path, DateTimeOffset At)> Calls { get; } = new();

    /// <summary>ServiceNow records by sys_id; Jira issues by key. Each is a JSON object of fields.</summary>
    public ConcurrentDictionary<string, JsonObject> Records { get; } = new();

    public ConcurrentDictionary<string, List<string>> Notes { get; } = new();

    public void Fail(string method, int status, int? retryAfterSeconds = null) => failures.Enqueue(new Failure(method, status, retryAfterSeconds, null));

    public void ApplyThenDelay(string method, TimeSpan delay) => failures.Enqueue(new Failure(method, 200, null, delay));

    public int Count(string method) => Calls.Count(c => c.Method == method);

    async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var method = request.HttpMethod;
        var path = request.Url!.AbsolutePath;
        Calls.Enqueue((method, path, DateTimeOffset.UtcNow));
        try
        {
            Failure? failure = null;
            if (failures.TryPeek(out var next) && next.Method == method && failures.TryDequeue(out var taken))
            {
                failure = taken;
            }

            if (failure is { Delay: null })
            {
                response.StatusCode = failure.Status;
                if (failure.RetryAfter is { } after)
                {
                    response.Headers["Retry-After"] = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                response.Close();
                return;
            }

            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var (status, json) = Route(method, path, request.Url.Query, body);
            if (failure?.Delay is { } delay)
            {
                await Task.Delay(delay); // the write is applied; its answer arrives too late
            }

            response.StatusCode = status;
            if (json is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync(bytes);
            }

            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout): nothing to answer.
        }
    }

    (int Status, JsonNode? Json) Route(string method, string path, string query, string body)
    {
        var parts = path.Trim('/').Split('/');
        // ServiceNow: /api/now/table/{table}/{sys_id}
        if (parts is ["api", "now", "table", _, var sysId])
        {
            if (!Records.TryGetValue(sysId, out var record))
            {
                return (404, new JsonObject { ["error"] = new JsonObject { ["message"] = "No Record found" } });
            }

            if (method == "PATCH")
            {
                foreach (var (name, value) in JsonNode.Parse(body)!.AsObject())
                {
                    if (name == "work_notes")
                    {
                        Notes.GetOrAdd(sysId, _ => []).Add(value!.GetValue<string>());
                    }
                    else
                    {
                        record[name] = value?.DeepClone();
                    }
                }
            }

            return (200, new JsonObject { ["result"] = record.DeepClone() });
        }

        // ServiceNow: /api/now/table/{table}?sysparm_query=number=...
        if (parts is ["api", "now", "table", _] && method == "GET")
        {
            var number = Uri.UnescapeDataString(query).Split("number=").ElementAtOrDefault(1)?.Split('&')[0];
            var found = Records.Values.Where(r => r["number"]?.GetValue<string>() == number).Select(r => (JsonNode?)r.DeepClone());
            return (200, new JsonObject { ["result"] = new JsonArray([.. found]) });
        }

        // Jira: /rest/api/2/issue/{key}[/properties/{p} | /transitions]
        if (parts is ["rest", "api", "2", "issue", var key, ..] && Records.TryGetValue(key, out var issue))
        {
            if (parts is [.., "properties", var property] && method == "GET")
            {
                return issue["properties"]?[property] is { } value
                    ? (200, new JsonObject { ["key"] = property, ["value"] = value.DeepClone() })
                    : (404, new JsonObject { ["errorMessages"] = new JsonArray("The property was not found.") });
            }

            if (method is "PUT" or "POST")
            {
                var edit = JsonNode.Parse(body)!.AsObject();
                foreach (var (name, value) in edit["fields"]!.AsObject())
                {
                    issue[name] = value?.DeepClone();
                }

                foreach (var comment in edit["update"]?["comment"]?.AsArray() ?? [])
                {
                    Notes.GetOrAdd(key, _ => []).Add(comment!["add"]!["body"]!.GetValue<string>());
                }

                var properties = issue["properties"] as JsonObject ?? new JsonObject();
                foreach (var entry in edit["properties"]?.AsArray() ?? [])
                {
                    properties[entry!["key"]!.GetValue<string>()] = entry["value"]!.DeepClone();
                }

                issue["properties"] = properties;
                if (edit["transition"]?["id"] is { } transition)
                {
                    issue["transitionedTo"] = transition.DeepClone();
                }

                return (204, null);
            }
        }

        return (404, null);
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop.ConfigureAwait(false);
    }

    sealed record Failure(string Method, int Status, int? RetryAfter, TimeSpan? Delay);
}
