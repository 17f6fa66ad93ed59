using System.Net;
using System.Net.Sockets;

namespace AgentTrust.Cli.LocalHost;

/// <summary>Finds a free loopback port for the internal gRPC sidecar endpoint.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
