using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentTrust.Cli.LocalHost;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.Cli.Demo;

/// <summary>
/// <c>agenttrust demo</c>: starts the local host, publishes the classifier's pact, and replays real ServiceNow
/// incidents through the HTTP API as agent actions. Actions that wait for a human are answered the way the
/// service desk really decided (the incident's final priority), and every decision is printed with its evidence.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var count = 12;
        var train = 2000;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var c) && c > 0:
                    count = c;
                    i++;
                    break;
                case "--train" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var t) && t > 0:
                    train = t;
                    i++;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        var incidents = ServiceNowSample.Read(ServiceNowSample.DefaultPath);
        if (train + count > incidents.Count)
        {
            await stderr.WriteLineAsync($"the sample has {incidents.Count} incidents: --train plus --count must not exceed it").ConfigureAwait(false);
            return 2;
        }

        var agent = new MatrixClassifierAgent();
        agent.Train(incidents.Take(train));

        await using var host = await LocalAgentTrustHost.StartAsync(
            [.. rest],
            [new("AgentTrust:LocalHost:Url", "http://127.0.0.1:0"), new("AgentTrust:Telemetry:Console", "false")]).ConfigureAwait(false);
        await stdout.WriteLineAsync($"AgentTrust local host on {host.ApiUrl} (task hub '{host.Options.TaskHub}')").ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = host.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };

        var pact = DemoPact.Create(approvalTimeoutSeconds: 300);
        using (var put = await http.PutAsJsonAsync($"/api/pacts/{pact.AgentId}/{pact.Lane}", pact, JsonDefaults.Options).ConfigureAwait(false))
        {
            if (!put.IsSuccessStatusCode)
            {
                await stderr.WriteLineAsync($"publishing the pact failed: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync().ConfigureAwait(false)}").ConfigureAwait(false);
                return 1;
            }

            await stdout.WriteLineAsync($"published pact {pact.AgentId}/{pact.Lane} v{pact.Version} ({pact.Clauses.Count} clauses)").ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"replaying {count} ServiceNow incidents opened after the {train} the agent learned from").ConfigureAwait(false);
        var waiting = new List<(ServiceNowIncident Incident, int Proposed, string Id)>();
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (var incident in Varied(incidents.Skip(train), count))
        {
            var (priority, confidence) = agent.Propose(incident);
            var body = new
            {
                agentId = DemoPact.AgentId,
                lane = pact.Lane,
                ticket = new { system = "servicenow", id = incident.Number, fields = new { impact = incident.Impact, urgency = incident.Urgency, priority = incident.OpenedPriority, category = incident.Category } },
                action = new { type = "classify", fields = new { priority, category = incident.Category, subcategory = incident.Subcategory } },
                confidence,
                idempotencyKey = $"demo-{runId}-{incident.Number}",
                rationale = $"ITIL matrix for impact '{incident.Impact}' and urgency '{incident.Urgency}'",
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions") { Content = JsonContent.Create(body) };
            request.Headers.Add("Prefer", "wait=20");
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            var view = await ReadAsync(response).ConfigureAwait(false);
            var status = view.GetProperty("status").GetString()!;
            await stdout.WriteLineAsync(Line(incident, priority, confidence, view)).ConfigureAwait(false);
            if (status == "awaiting-approval")
            {
                waiting.Add((incident, priority, view.GetProperty("id").GetString()!));
            }
            else
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        }

        if (waiting.Count > 0)
        {
            await stdout.WriteLineAsync($"{waiting.Count} actions wait for a human; the service desk answers as it really decided:").ConfigureAwait(false);
        }

        foreach (var (incident, proposed, id) in waiting)
        {
            var approved = proposed == incident.FinalPriority;
            var answer = new { approved, approver = "service-desk-lead@example.com", comment = $"final priority was P{incident.FinalPriority}" };
            using (var post = await http.PostAsJsonAsync($"/api/approvals/{id}", answer).ConfigureAwait(false))
            {
                post.EnsureSuccessStatusCode();
            }

            var view = await PollUntilFinalAsync(http, id).ConfigureAwait(false);
            var status = view.GetProperty("status").GetString()!;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            await stdout.WriteLineAsync(Line(incident, proposed, view.GetProperty("confidence").GetDouble(), view)).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync("summary: " + string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} {s.Key}"))).ConfigureAwait(false);
        await stdout.WriteLineAsync("evidence: one signed DSSE record per step in blob container 'evidence', hash-linked per action and logged in a Merkle tree per agent").ConfigureAwait(false);

        // Sign a checkpoint of every agent's log now (the host also does it on a timer), then verify it all offline,
        // exactly as `agenttrust evidence verify` would.
        var checkpoints = await host.Services.GetRequiredService<EvidenceCheckpointer>().CheckpointAllAsync().ConfigureAwait(false);
        await stdout.WriteLineAsync($"signed {checkpoints.Count} log checkpoint(s); verifying the evidence:").ConfigureAwait(false);
        var connection = host.Services.GetRequiredService<IConfiguration>()["AgentTrust:Storage:ConnectionString"]!;
        var verified = await EvidenceCommand.RunAsync(["verify", "--connection-string", connection], stdout, stderr).ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);
        return verified;
    }

    /// <summary>
    /// Later incidents in time order, at most two per impact, urgency and opening priority, so a short replay shows
    /// the rare high-impact tickets next to the common moderate ones.
    /// </summary>
    static IEnumerable<ServiceNowIncident> Varied(IEnumerable<ServiceNowIncident> incidents, int count)
    {
        var seen = new Dictionary<(string, string, int), int>();
        var taken = 0;
        foreach (var incident in incidents)
        {
            var key = (incident.Impact, incident.Urgency, incident.OpenedPriority);
            if (seen.GetValueOrDefault(key) >= 2)
            {
                continue;
            }

            seen[key] = seen.GetValueOrDefault(key) + 1;
            yield return incident;
            if (++taken == count)
            {
                yield break;
            }
        }
    }

    static async Task<JsonElement> PollUntilFinalAsync(HttpClient http, string id)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await http.GetAsync(new Uri($"/api/actions/{id}", UriKind.Relative)).ConfigureAwait(false);
            var view = await ReadAsync(response).ConfigureAwait(false);
            if (view.GetProperty("status").GetString() is not ("evaluating" or "awaiting-approval"))
            {
                return view;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"action {id} did not finish within a minute");
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    static string Line(ServiceNowIncident incident, int proposed, double confidence, JsonElement view)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{incident.Number}  P{incident.OpenedPriority}->P{proposed} (confidence {confidence:0.00}, real P{incident.FinalPriority})  ");
        sb.Append(CultureInfo.InvariantCulture, $"{view.GetProperty("status").GetString(),-17}");
        if (view.TryGetProperty("decision", out var decision) && decision.TryGetProperty("reasons", out var reasons))
        {
            sb.Append(" | ").Append(string.Join("; ", reasons.EnumerateArray().Select(r => r.GetString())));
        }

        if (view.TryGetProperty("evidence", out var evidence) && evidence.GetArrayLength() > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n    evidence: {evidence[evidence.GetArrayLength() - 1].GetString()} ({evidence.GetArrayLength()} records)");
        }

        return sb.ToString();
    }
}
