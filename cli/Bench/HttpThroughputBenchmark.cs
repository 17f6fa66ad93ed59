using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// Governed actions per second through the HTTP API, with the latency from intake to decision: each request sends
/// <c>Prefer: wait</c>, so its response time is the time until the workflow decided (deterministic path, no human).
/// </summary>
public sealed class HttpThroughputBenchmark(Uri baseUrl, int actions, int concurrency, int agents)
{
    public async Task<BenchResult> RunAsync(TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(120) };
        var run = DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        var agentIds = Enumerable.Range(0, agents).Select(i => $"bench-{run}-{i}").ToArray();
        foreach (var agent in agentIds)
        {
            using var put = await http.PutAsJsonAsync($"/api/pacts/{agent}/incident-classification", Pact(agent), JsonDefaults.Options).ConfigureAwait(false);
            put.EnsureSuccessStatusCode();
        }

        var latencies = new double[actions];
        var errors = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < actions)
            {
                var body = Body(agentIds[i % agentIds.Length], $"{run}-{i}", i);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Prefer", "wait=60");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode || !text.Contains("\"status\":\"applied\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker))).ConfigureAwait(false);
        total.Stop();
        Array.Sort(latencies);
        return new BenchResult(actions, concurrency, errors, total.Elapsed, actions / total.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies[^1]);
    }

    static double Percentile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    static Pact Pact(string agent) => new(
        agent, "incident-classification", 1, "bench@example.com", ["classify"],
        [
            new PactClause("never-sets-p1", "action.priority in [2, 3, 4, 5]", ClauseSeverity.Critical),
            new PactClause("known-category", "action.category.startsWith('Category ')", ClauseSeverity.Major),
        ],
        new AutonomyPolicy(AutonomyTier.Autonomous, 0.5), new ApprovalPolicy(["leads"], 3600),
        ActionSchema: new Dictionary<string, FieldType> { ["priority"] = FieldType.Integer, ["category"] = FieldType.String });

    static string Body(string agent, string key, int i) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"agentId":"{{{agent}}}","lane":"incident-classification","ticket":{"system":"servicenow","id":"INC{{{i:D7}}}"},
         "action":{"type":"classify","fields":{"priority":3,"category":"Category 55"}},"confidence":0.95,"idempotencyKey":"{{{key}}}"}
        """);
}
