using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AgentTrust.Tests.Approvals;

/// <summary>An HTTP receiver on 127.0.0.1 standing in for a Teams webhook: records every POST body and answers with a set status.</summary>
internal sealed class LocalHttpReceiver : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly Task loop;

    public LocalHttpReceiver(HttpStatusCode answer = HttpStatusCode.OK)
    {
        Answer = answer;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/webhook/secret-part/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = ServeAsync();
    }

    public Uri Url { get; }

    public HttpStatusCode Answer { get; }

    public ConcurrentQueue<(string? ContentType, string Body)> Received { get; } = new();

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

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                Received.Enqueue((context.Request.ContentType, await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = (int)Answer;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await loop;
        listener.Close();
    }
}
