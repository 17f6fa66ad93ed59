using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentTrust.IntegrationTests.Ticketing;

/// <summary>
/// A ticketing tool that hangs: it accepts every TCP connection on 127.0.0.1, reads the request line, and never
/// answers (the connection stays open until the client gives up). Records each request's method, path and arrival.
/// </summary>
internal sealed class HangingTicketServer : IAsyncDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stop = new();
    readonly ConcurrentBag<TcpClient> held = [];
    readonly Task loop;

    public HangingTicketServer()
    {
        listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<(string Method, string Path, DateTimeOffset At)> Requests { get; } = new();

    async Task LoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            held.Add(client);
            _ = Task.Run(() => ReadRequestLinesAsync(client));
        }
    }

    /// <summary>Reads request lines (a client may send another request on the same connection) and answers none.</summary>
    async Task ReadRequestLinesAsync(TcpClient client)
    {
        try
        {
            using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.Split(' ') is [var method, var path, var version] && version.StartsWith("HTTP/", StringComparison.Ordinal))
                {
                    Requests.Enqueue((method, path, DateTimeOffset.UtcNow));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up on its timeout and closed the connection: exactly what a hanging tool causes.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        foreach (var client in held)
        {
            client.Dispose();
        }

        stop.Dispose();
    }
}
