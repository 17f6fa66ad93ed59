using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// The steady stream the host must survive: agents propose actions (some autonomous, some for a person, some a pact
/// blocks), an approver answers the waiting ones, and the ticketing tool reports outcomes of the applied ones. Every
/// call is retried through crashes and outages the way a careful integrator would: a POST of an action is repeated
/// with the same idempotency key until the API answers, so an accepted action is tracked even when its first answer
/// was lost.
/// </summary>
public sealed class ChaosStream(Uri api, ChaosOptions options, string runTag) : IDisposable
{
    public const string Lane = "incident-classification";
    static readonly string[] Final = ["applied", "approved", "rejected", "expired", "blocked", "shadowed"];
    readonly HttpClient http = new() { BaseAddress = api, Timeout = TimeSpan.FromSeconds(15) };
    readonly ConcurrentDictionary<string, TrackedAction> accepted = new(StringComparer.Ordinal);
    readonly ConcurrentBag<string> problems = [];
    int sequence;
    long lastAccepted;
    int replayed;
    int approvals;
    int outcomes;

    public IReadOnlyCollection<TrackedAction> Accepted => [.. accepted.Values];

    public int Replayed => replayed;

    /// <summary>When the API last accepted an action (UTC ticks): a host life counts from its first answer, not its start.</summary>
    public DateTime LastAccepted => new(Interlocked.Read(ref lastAccepted), DateTimeKind.Utc);

    public int Approvals => approvals;

    public int Outcomes => outcomes;

    public IReadOnlyCollection<string> Problems => problems;

    public IReadOnlyList<string> AgentIds { get; } =
        [.. Enumerable.Range(1, options.Agents).Select(i => string.Create(CultureInfo.InvariantCulture, $"chaos-{runTag}-a{i}"))];

    /// <summary>The pact every agent works under: confident, valid proposals apply on their own; unsure ones go to a person; P1 is blocked.</summary>
    public static Pact PactFor(string agentId) => new(
        agentId, Lane, 1, "desk@example.com", ["classify"],
        [
            new PactClause("never-sets-p1", "action.priority in [2, 3, 4, 5]", ClauseSeverity.Critical),
            new PactClause("known-category", "action.category.startsWith('Category ')", ClauseSeverity.Major),
        ],
        new AutonomyPolicy(AutonomyTier.Autonomous, 0.8), new ApprovalPolicy(["leads"], 3600),
        ActionSchema: new Dictionary<string, FieldType> { ["priority"] = FieldType.Integer, ["category"] = FieldType.String });

    public async Task PublishPactsAsync(CancellationToken cancellationToken)
    {
        foreach (var agent in AgentIds)
        {
            await RetryAsync(async ct =>
            {
                using var response = await http.PutAsJsonAsync($"/api/pacts/{agent}/{Lane}", PactFor(agent), JsonDefaults.Options, ct).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Proposes actions at the configured rate until <paramref name="stop"/>; in-flight proposals finish (retrying) before it returns.</summary>
    public async Task ProduceAsync(CancellationToken stop, CancellationToken abort)
    {
        var random = new Random(options.Seed);
        var inFlight = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / Math.Max(0.01, options.Rate));
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref sequence);
            var agent = AgentIds[random.Next(AgentIds.Count)];
            var blocked = random.NextDouble() < 0.1;
            var confident = random.NextDouble() < 0.5;
            var approve = random.NextDouble() < 0.8;
            var answerAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(random.NextDouble() * options.MaxApprovalDelaySeconds);
            inFlight.Add(ProposeAsync(n, agent, blocked ? 1 : 3, confident ? 0.95 : 0.3, approve, answerAt, abort));
            inFlight.RemoveAll(t => t.IsCompleted);
            try
            {
                await Task.Delay(interval * (0.5 + random.NextDouble()), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    async Task ProposeAsync(int n, string agent, int priority, double confidence, bool approve, DateTimeOffset answerAt, CancellationToken abort)
    {
        var ticket = string.Create(CultureInfo.InvariantCulture, $"INC{runTag}{n:D6}");
        var key = string.Create(CultureInfo.InvariantCulture, $"chaos-{n}");
        var body = string.Create(CultureInfo.InvariantCulture, $$$"""
            {"agentId":"{{{agent}}}","lane":"{{{Lane}}}",
             "ticket":{"system":"servicenow","id":"{{{ticket}}}","fields":{"impact":"2 - Medium","urgency":"2 - Medium","priority":3}},
             "action":{"type":"classify","fields":{"priority":{{{priority}}},"category":"Category 55"}},
             "confidence":{{{confidence}}},"idempotencyKey":"{{{key}}}"}
            """);
        await RetryAsync(async ct =>
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/api/actions", UriKind.Relative), content, ct).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
            {
                var view = await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
                var id = view.GetProperty("id").GetString()!;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref replayed);
                }

                accepted.TryAdd(id, new TrackedAction(id, agent, ticket, approve, answerAt));
                Interlocked.Exchange(ref lastAccepted, DateTime.UtcNow.Ticks);
                return true;
            }

            if ((int)response.StatusCode is >= 400 and < 500)
            {
                // Refused as invalid: a bug in the stream or the API, never an accepted action.
                problems.Add($"proposal {key} refused: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
                return true;
            }

            return false;
        }, abort).ConfigureAwait(false);
    }

    /// <summary>Polls accepted actions until each is final (and its outcome posted), answering the waiting ones, until <paramref name="abort"/>.</summary>
    public async Task TrackAsync(Func<bool> finished, CancellationToken abort)
    {
        while (!abort.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            // Only when nothing is left to follow: an action polled a moment ago is not due, but not done either.
            if (finished() && AllDone())
            {
                return;
            }

            var due = accepted.Values.Where(a => !a.Done && a.NextPoll <= now).ToList();

            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = abort }, async (action, ct) =>
            {
                try
                {
                    await StepAsync(action, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
                {
                    // The host is down or restarting: look again later.
                }

                action.NextPoll = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
            }).ConfigureAwait(false);
            await Task.Delay(200, abort).ConfigureAwait(false);
        }
    }

    /// <summary>True when every accepted action is final and its outcome is posted.</summary>
    public bool AllDone() => accepted.Values.All(a => a.Done);

    /// <summary>Reads the action's status as the API shows it now (null when the host does not answer).</summary>
    public async Task<JsonElement?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/actions/{id}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false) : null;
    }

    async Task StepAsync(TrackedAction action, CancellationToken cancellationToken)
    {
        if (action.Final is null)
        {
            var view = await ReadAsync(action.Id, cancellationToken).ConfigureAwait(false);
            if (view is null)
            {
                return;
            }

            var status = view.Value.GetProperty("status").GetString();
            action.LastStatus = status;
            if (Final.Contains(status))
            {
                action.Final = status;
            }
            else if (status is "awaiting-approval" or "escalated" && DateTimeOffset.UtcNow >= action.AnswerAt)
            {
                using var response = await http.PostAsJsonAsync(
                    $"/api/approvals/{action.Id}", new { approved = action.ApproveWhenAsked, approver = "chaos-lead@example.com", comment = "chaos run" }, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    action.Answers++;
                    Interlocked.Increment(ref approvals);
                    // Still waiting a while later (the answer raced a crash): the approver answers again; the workflow takes the first.
                    action.AnswerAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
                }
            }
        }

        if (action.NeedsOutcome && !action.OutcomePosted)
        {
            // Most fixes hold; some tickets come back. The same event id every time, so a retry is the same event.
            var reopened = (uint)action.Id.GetHashCode(StringComparison.Ordinal) % 4 == 0;
            using var response = await http.PostAsJsonAsync("/api/outcomes", new
            {
                eventId = "chaos-" + action.Id,
                ticketSystem = "servicenow",
                ticketId = action.TicketId,
                kind = reopened ? "reopened" : "resolved",
                occurredAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                agentId = action.AgentId,
                actionId = action.Id,
            }, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                action.OutcomePosted = true;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref outcomes);
                }
            }
        }
    }

    static async Task RetryAsync(Func<CancellationToken, Task<bool>> attempt, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (await attempt(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The host is down or restarting; the same request again soon.
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => http.Dispose();
}
