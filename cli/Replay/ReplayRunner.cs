using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AgentTrust.Domain.Evaluation;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// Streams the replay's items through the HTTP API in record-time order: each record becomes a governed action
/// (<c>POST /api/actions</c>) followed by its ticket's outcomes (<c>POST /api/outcomes</c>) when the replay clock
/// reaches them. Actions that wait for a person are answered as the records show the service desk would have
/// (right proposals approved, wrong ones rejected). The speed is how many record-seconds pass per wall-clock second
/// (0: as fast as the API answers). Outcomes carry the wall-clock time they are posted at, the record's own time in
/// their detail, because the API attributes an outcome only to decisions made before it.
/// Up to <c>concurrency</c> actions are in flight at once (Azurite answers a few governed actions per second, most of
/// it waiting); an outcome waits for its own ticket's action, so it is never posted before that decision.
public sealed class ReplayRunner(HttpClient http, string runId, double speed, int concurrency, TextWriter progressOutput, bool interactive)
{
    static readonly HashSet<string> Final = ["applied", "approved", "rejected", "expired", "blocked", "shadowed"];
    static readonly string[] ConstrainedReasons = ["supervised in this lane", "shadow mode in this lane", "suspended in this lane"];

    int actions;
    int humans;
    int outcomesPosted;
    int outcomesAttributed;

    public int OutcomesPosted => outcomesPosted;

    public int OutcomesAttributed => outcomesAttributed;

    public async Task<IReadOnlyList<ReplayedRecord>> RunAsync(IReadOnlyList<ReplayItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var steps = new List<(DateTimeOffset At, int Order, int Item, int Outcome)>();
        for (var i = 0; i < items.Count; i++)
        {
            steps.Add((items[i].At, 0, i, -1));
            for (var o = 0; o < items[i].Outcomes.Count; o++)
            {
                steps.Add((items[i].Outcomes[o].At, 1, i, o));
            }
        }

        steps.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Item != b.Item ? a.Item.CompareTo(b.Item) : a.Outcome.CompareTo(b.Outcome));
        var progress = new ProgressBar(progressOutput, steps.Count, interactive);
        var views = new Task<JsonElement>[items.Count];
        using var slots = new SemaphoreSlim(Math.Max(1, concurrency));
        var wallStart = DateTimeOffset.UtcNow;
        var recordStart = steps.Count > 0 ? steps[0].At : wallStart;
        for (var s = 0; s < steps.Count; s++)
        {
            var (at, _, index, outcome) = steps[s];
            if (speed > 0 && wallStart + (at - recordStart) / speed - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            var item = items[index];
            if (outcome < 0)
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                views[index] = ActAsync(item, slots, cancellationToken);
            }
            else
            {
                var view = await views[index].ConfigureAwait(false);
                var planned = item.Outcomes[outcome];
                if (planned.Kind != "escalated" || NeededEscalation(item, view))
                {
                    await PostOutcomeAsync(item, planned.Kind, planned.At, view, cancellationToken).ConfigureAwait(false);
                }
            }

            progress.Update(s + 1, Volatile.Read(ref actions), Volatile.Read(ref outcomesPosted), Volatile.Read(ref humans));
        }

        await Task.WhenAll(views).ConfigureAwait(false);
        var records = new List<ReplayedRecord>();
        for (var i = 0; i < items.Count; i++)
        {
            var first = await views[i].ConfigureAwait(false);
            var view = Final.Contains(Status(first)) ? first : await WaitForAsync(Id(first), Final.Contains, cancellationToken).ConfigureAwait(false);
            records.Add(Record(items[i], view));
        }

        return records;
    }

    /// <summary>One action in flight: propose, answer for the service desk when a person is asked, then the ticket's opened outcome.</summary>
    async Task<JsonElement> ActAsync(ReplayItem item, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var view = await ProposeAsync(item, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref actions);
            if (!Final.Contains(Status(view)) && !AsksAPerson(Status(view)))
            {
                // The API answered before the workflow decided (its wait ran out on a busy machine): the desk answers
                // a request when it is made, so wait for the decision or the request.
                view = await WaitForAsync(Id(view), s => Final.Contains(s) || AsksAPerson(s), cancellationToken).ConfigureAwait(false);
            }

            if (AsksAPerson(Status(view)))
            {
                Interlocked.Increment(ref humans);
                await AnswerAsync(Id(view), approved: !item.Wrong, item, cancellationToken).ConfigureAwait(false);
            }

            if (item.Priorities is not null)
            {
                // The ticket opens, then the agent classifies it: opened carries the record's opening time in its detail.
                await PostOutcomeAsync(item, "opened", item.At, view, cancellationToken).ConfigureAwait(false);
            }

            return view;
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Where the API's final status sends an action, for the comparison.</summary>
    public static GovernedRoute RouteOf(string status) => status switch
    {
        "applied" => GovernedRoute.Applied,
        "blocked" => GovernedRoute.Blocked,
        "shadowed" => GovernedRoute.Shadowed,
        _ => GovernedRoute.Human,
    };

    /// <summary>Whether the API's decision names a constrained autonomy tier.</summary>
    public static bool IsConstrained(IEnumerable<string> reasons) =>
        reasons.Any(r => ConstrainedReasons.Any(c => r.Contains(c, StringComparison.Ordinal)));

    /// <summary>
    /// The priority the ticket held after the action (the agent's when it was applied, the opening one otherwise) was
    /// less urgent than the one it ended with: the service desk had to raise it.
    /// </summary>
    static bool NeededEscalation(ReplayItem item, JsonElement view)
    {
        var (opened, proposed, final) = item.Priorities!.Value;
        var held = Status(view) == "applied" || (!item.Wrong && Status(view) is "awaiting-approval" or "escalated" or "approved") ? proposed : opened;
        return final < held;
    }

    async Task<JsonElement> ProposeAsync(ReplayItem item, CancellationToken cancellationToken)
    {
        var body = new
        {
            agentId = item.AgentId,
            lane = item.Lane,
            ticket = new { system = item.TicketSystem, id = item.TicketId, fields = item.TicketFields },
            action = new { type = item.ActionType, fields = item.ActionFields },
            confidence = item.Confidence,
            idempotencyKey = $"replay-{runId}-{item.TicketId}",
            rationale = item.Rationale,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions") { Content = JsonContent.Create(body) };
        request.Headers.Add("Prefer", "wait=20");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    async Task AnswerAsync(string id, bool approved, ReplayItem item, CancellationToken cancellationToken)
    {
        var answer = new { approved, approver = "replay-desk@example.com", comment = $"the record shows {item.Truth}" };
        using var response = await http.PostAsJsonAsync($"/api/approvals/{id}", answer, cancellationToken).ConfigureAwait(false);
        await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    async Task PostOutcomeAsync(ReplayItem item, string kind, DateTimeOffset recordTime, JsonElement view, CancellationToken cancellationToken)
    {
        var status = Status(view);
        var agentHandled = status is "applied" or "awaiting-approval" or "escalated" or "approved" && (status == "applied" || !item.Wrong);
        var body = new
        {
            eventId = $"replay-{runId}:{item.TicketSystem}:{item.TicketId}:{kind}",
            ticketSystem = item.TicketSystem,
            ticketId = item.TicketId,
            kind,
            occurredAt = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            actor = "agenttrust-replay",
            detail = $"record time {recordTime.ToString("o", CultureInfo.InvariantCulture)}",
            // The agent's work stands on the ticket only when its action was applied: otherwise the ticket is people's work.
            agentId = agentHandled ? item.AgentId : null,
            actionId = Id(view),
        };
        using var response = await http.PostAsJsonAsync("/api/outcomes", body, cancellationToken).ConfigureAwait(false);
        var result = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref outcomesPosted);
        if (result.TryGetProperty("attributed", out var attributed) && attributed.GetArrayLength() > 0)
        {
            Interlocked.Increment(ref outcomesAttributed);
        }
    }

    static bool AsksAPerson(string status) => status is "awaiting-approval" or "escalated";

    /// <summary>
    /// Waits for a workflow still in progress to reach a wanted status (an approval answer being processed, an
    /// orchestration behind a busy storage queue). Patient: on a loaded machine Azurite takes minutes to drain its queues.
    /// </summary>
    async Task<JsonElement> WaitForAsync(string id, Func<string, bool> reached, CancellationToken cancellationToken)
    {
        var status = string.Empty;
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri($"/api/actions/{id}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var view = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
            status = Status(view);
            if (reached(status))
            {
                return view;
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"action {id} is still '{status}' after ten minutes");
    }

    static ReplayedRecord Record(ReplayItem item, JsonElement view)
    {
        var decision = view.TryGetProperty("decision", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var reasons = decision.ValueKind == JsonValueKind.Object && decision.TryGetProperty("reasons", out var r)
            ? r.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
            : [];
        var kind = decision.ValueKind == JsonValueKind.Object && decision.TryGetProperty("kind", out var k) ? k.ToString() : string.Empty;
        return new ReplayedRecord(
            item.Lane, item.TicketId, item.At, Id(view), Status(view), kind, reasons, item.Proposal, item.Truth, item.Confidence, item.Wrong,
            item.Downside.ToString().ToLowerInvariant(), IsConstrained(reasons));
    }

    static string Id(JsonElement view) => view.GetProperty("id").GetString()!;

    static string Status(JsonElement view) => view.ValueKind == JsonValueKind.Object ? view.GetProperty("status").GetString()! : string.Empty;

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
