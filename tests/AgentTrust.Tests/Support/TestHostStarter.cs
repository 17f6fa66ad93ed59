using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace AgentTrust.Tests.Support;

/// <summary>
/// Starts the in-process Durable Task test host on a port the OS just handed out, retrying on the rare collision:
/// the host's own default is a random port in 30000-40000, which collides with other hosts when test classes run in
/// parallel ("address already in use").
/// </summary>
internal static class TestHostStarter
{
    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> registry, DurableTaskTestHostOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            options.Port = FreePort();
            try
            {
                return await DurableTaskTestHost.StartAsync(registry, options);
            }
            catch (IOException) when (attempt < 5)
            {
                // Another process took the port between our probe and the host's bind: try another one.
            }
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
