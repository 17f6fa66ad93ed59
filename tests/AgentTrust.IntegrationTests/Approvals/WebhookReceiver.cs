using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AgentTrust.IntegrationTests.Approvals;

/// <summary>Stands in for a Teams incoming webhook on 127.0.0.1: keeps every posted card.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly Task loop;

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/teams/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = ServeAsync();
    }

    public Uri Url { get; }

    public ConcurrentQueue<string> Cards { get; } = new();

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
                Cards.Enqueue(await reader.ReadToEndAsync());
            }

            context.Response.StatusCode = 200;
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
