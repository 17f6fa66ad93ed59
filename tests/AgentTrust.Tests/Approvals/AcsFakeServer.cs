using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace AgentTrust.Tests.Approvals;

/// <summary>
/// A local stand-in for the ACS Email endpoint: checks every request's access-key signature the way the service does
/// (its own recomputation from the received method, path, headers and body, not the product's signer) and answers 202
/// with an operation id when it holds, 401 otherwise.
/// </summary>
internal sealed class AcsFakeServer : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly Task loop;
    readonly byte[] key;

    public AcsFakeServer(byte[] key)
    {
        this.key = key;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        loop = ServeAsync();
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<(string PathAndQuery, bool SignatureValid, string? Reason, string Body)> Received { get; } = new();

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

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var reason = Check(context.Request, body);
            Received.Enqueue((context.Request.Url!.PathAndQuery, reason is null, reason, Encoding.UTF8.GetString(body)));
            context.Response.StatusCode = reason is null ? 202 : 401;
            context.Response.ContentType = "application/json";
            var answer = reason is null ? """{"id":"op-123","status":"Running"}""" : """{"error":{"code":"Denied","message":"bad signature"}}""";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(answer));
            context.Response.Close();
        }
    }

    string? Check(HttpListenerRequest request, byte[] body)
    {
        var date = request.Headers["x-ms-date"];
        var hash = request.Headers["x-ms-content-sha256"];
        var authorization = request.Headers["Authorization"];
        if (date is null || hash is null || authorization is null)
        {
            return "missing x-ms-date, x-ms-content-sha256 or Authorization";
        }

        if (hash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return "content hash does not match the body";
        }

        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) || (DateTimeOffset.UtcNow - at).Duration() > TimeSpan.FromMinutes(15))
        {
            return "x-ms-date is not a current RFC 1123 date";
        }

        const string Prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
        if (!authorization.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "Authorization is not HMAC-SHA256 over x-ms-date;host;x-ms-content-sha256";
        }

        var toSign = $"{request.HttpMethod}\n{request.Url!.PathAndQuery}\n{date};{request.Headers["Host"]};{hash}";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return expected == authorization[Prefix.Length..] ? null : "signature does not match";
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await loop;
        listener.Close();
    }
}
