using System.Globalization;
using AgentTrust.Cli.LocalHost;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// <c>agenttrust bench [--actions N] [--concurrency C] [--agents A] [--url URL]</c>: governed actions per second through
/// the HTTP API. Without <c>--url</c> it starts the local host in this process on <c>AzureWebJobsStorage</c>.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        if (args.Any(a => a is "--rate" or "--sweep"))
        {
            // The open-loop load mode: a fixed arrival rate for a set time (LoadCommand).
            return await LoadCommand.RunAsync(args, stdout).ConfigureAwait(false);
        }

        int actions = 400, concurrency = 32, agents = 8;
        Uri? url = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--actions" when int.TryParse(value, CultureInfo.InvariantCulture, out var a) && a > 0: actions = a; i++; break;
                case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c > 0: concurrency = c; i++; break;
                case "--agents" when int.TryParse(value, CultureInfo.InvariantCulture, out var g) && g > 0: agents = g; i++; break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var u): url = u; i++; break;
                default: rest.Add(args[i]); break;
            }
        }

        LocalAgentTrustHost? host = null;
        try
        {
            if (url is null)
            {
                host = await LocalAgentTrustHost.StartAsync([.. rest], [new("AgentTrust:LocalHost:Url", "http://127.0.0.1:0"), new("AgentTrust:Telemetry:Console", "false")]).ConfigureAwait(false);
                url = host.ApiUrl;
            }

            // A short warm-up so JIT and table creation are not in the figures.
            await new HttpThroughputBenchmark(url, Math.Min(20, actions), Math.Min(4, concurrency), agents).RunAsync(stdout).ConfigureAwait(false);
            var result = await new HttpThroughputBenchmark(url, actions, concurrency, agents).RunAsync(stdout).ConfigureAwait(false);
            await stdout.WriteLineAsync(result.ToString()).ConfigureAwait(false);
            return result.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
