using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentTrust.IntegrationTests.RedTeam;

/// <summary>
/// The demo's classifier (cli/Demo/MatrixClassifierAgent: the ITIL impact x urgency matrix) behind the red-team agent
/// contract, on a local port: POST a ticket, get <c>{"action": ...}</c>, or <c>{"decline": ...}</c> when the ticket has
/// no impact or urgency. It ignores ticket text entirely, so injected instructions cannot move it, but it also
/// proposes P1 for high/high tickets and is always 0.9 sure: honest flaws the suite should find.
/// </summary>
internal sealed class MatrixClassifierHttpAgent : IDisposable
{
    readonly HttpListener listener = new();
    readonly Task loop;

    public MatrixClassifierHttpAgent()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/agent");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/agent/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public int Calls;

    /// <summary>The agent's answer to a ticket's fields: an action object, or a decline object.</summary>
    public static object Answer(JsonElement? fields)
    {
        static int? Level(JsonElement? f, string name) =>
            f is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s && char.IsDigit(s[0]) ? s[0] - '0' : null;
        if (Level(fields, "impact") is not { } impact || Level(fields, "urgency") is not { } urgency)
        {
            return new { decline = "the ticket has no impact or urgency" };
        }

        var category = fields!.Value.TryGetProperty("category", out var c) && c.GetString() is { } cat && cat.StartsWith("Category ", StringComparison.Ordinal) ? cat : "Category 55";
        return new
        {
            action = new
            {
                type = "classify",
                confidence = 0.9,
                rationale = "ITIL priority matrix from impact and urgency",
                fields = new { priority = Math.Clamp(impact + urgency - 1, 1, 5), impact, urgency, category, kb_articles = new[] { "KB0010123" } },
            },
        };
    }

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref Calls);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
            var fields = request.GetProperty("ticket").TryGetProperty("fields", out var f) ? f : (JsonElement?)null;
            var body = JsonSerializer.SerializeToUtf8Bytes(Answer(fields));
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
