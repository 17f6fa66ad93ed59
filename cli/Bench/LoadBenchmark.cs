using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Performance;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// The open-loop load mode: sends governed actions at a fixed arrival rate for a set time, whatever the server does,
/// then waits for every accepted action to be decided and reports throughput, per-stage latency percentiles, queue
/// depths, CPU and errors by kind. Each request is a plain POST (no <c>Prefer: wait</c>): acceptance and decision are
/// separate stages, and the decision time is the workflow's own last update, read after the run.
/// </summary>
public sealed class LoadBenchmark(Uri baseUrl, LoadWorkload workload, LoadProbes probes, TimeSpan drain)
{
    public const string WorkflowFailed = "workflow-failed";

    static readonly HashSet<string> Unsettled = ["evaluating"];

    public async Task PublishPactsAsync(int generation, CancellationToken cancellationToken = default)
    {
        using var http = Client(16);
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(workload.Pacts(generation).Select(async pact =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var put = await http.PutAsJsonAsync($"/api/pacts/{pact.AgentId}/{pact.Lane}", pact, JsonDefaults.Options, cancellationToken).ConfigureAwait(false);
                if (!put.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"publishing {pact.AgentId}/{pact.Lane}: HTTP {(int)put.StatusCode} {await put.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
                }
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// One step: <paramref name="rate"/> actions per second for <paramref name="duration"/>, requests numbered from
    /// <paramref name="firstIndex"/>, by fresh agents of <paramref name="generation"/> (their pacts are published first).
    /// </summary>
    public async Task<LoadStepReport> RunAsync(double rate, TimeSpan duration, int firstIndex, int generation, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await PublishPactsAsync(generation, cancellationToken).ConfigureAwait(false);
        var schedule = new OpenLoopSchedule(rate, duration);
        using var http = Client(4096);
        var slots = Enumerable.Range(0, schedule.Count).Select(i => new Slot(schedule.IntendedOffset(i).TotalSeconds)).ToArray();
        probes.Stages?.Take();
        var cpu = new CpuMeter(probes.AzuritePid);
        var startedUtc = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        double Clock() => Stopwatch.GetElapsedTime(started).TotalSeconds;
        cpu.Start();

        using var stopSampling = new CancellationTokenSource();
        var sampler = probes.ConnectionString is { } cs && probes.TaskHub is { } hub ? new QueueDepthSampler(cs, hub) : null;
        var sampling = sampler?.RunAsync(Clock, stopSampling.Token) ?? Task.CompletedTask;

        // The sender: every request goes out at its intended time or, when the sender fell behind, at once; it never
        // waits for an answer before sending the next one.
        var sends = new List<Task>(schedule.Count);
        var sent = 0;
        while (sent < schedule.Count)
        {
            var due = schedule.DueBy(Stopwatch.GetElapsedTime(started));
            for (; sent < due; sent++)
            {
                var slot = slots[sent];
                slot.Sent = Clock();
                sends.Add(SendAsync(http, slot, workload.Request(firstIndex + sent, generation), Clock, cancellationToken));
            }

            if (sent < schedule.Count)
            {
                var wait = schedule.IntendedOffset(sent) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
        var cpuSample = cpu.Stop();
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  sent {schedule.Count} in {Clock():0.0} s; waiting up to {drain.TotalSeconds:0} s for decisions")).ConfigureAwait(false);
        await DrainAsync(http, slots, startedUtc, cancellationToken).ConfigureAwait(false);
        await stopSampling.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);

        var stages = probes.ConnectionString is { } connection && probes.TaskHub is { } taskHub
            ? await DurableHistoryStages.ReadAsync(connection, taskHub, Sample(slots.Where(s => s.Decided is not null && s.Error is null).Select(s => s.Id!).ToList(), probes.StageSample), cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, LatencySummary>();
        var work = (probes.Stages?.Take() ?? new Dictionary<string, IReadOnlyList<double>>())
            .ToDictionary(p => p.Key, p => LatencySummary.Of(p.Value), StringComparer.Ordinal);
        return Report(schedule, slots, stages, work, sampler?.Samples ?? [], cpuSample);
    }

    static LoadStepReport Report(
        OpenLoopSchedule schedule, Slot[] slots, IReadOnlyDictionary<string, LatencySummary> stages, IReadOnlyDictionary<string, LatencySummary> work,
        IReadOnlyList<QueueDepthSample> queues, CpuSample cpu)
    {
        var window = schedule.Duration.TotalSeconds;
        var accepted = slots.Where(s => s.Id is not null).ToList();
        var decided = accepted.Where(s => s.Decided is not null && s.Error is null).ToList();
        var errors = slots.Where(s => s.Error is not null).GroupBy(s => s.Error!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var failures = slots.Where(s => s.Failure is not null).GroupBy(s => s.Failure!.Length > 160 ? s.Failure[..160] : s.Failure)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var outcomes = decided.GroupBy(s => s.Status!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var lastDecision = decided.Count == 0 ? window : decided.Max(s => s.Decided!.Value);
        var intervals = accepted.Select(s => (s.Intended, s.Decided ?? (s.Error is null ? null : s.Accepted))).ToList();
        var seconds = Enumerable.Range(0, (int)Math.Ceiling(Math.Max(window, lastDecision)) + 1).Select(t => (double)t).ToList();
        var inFlight = InFlightTimeline.Count(intervals, seconds);
        return new LoadStepReport(
            schedule.RatePerSecond,
            window,
            schedule.Count,
            accepted.Count,
            decided.Count,
            decided.Count(s => s.Decided <= window),
            accepted.Count(s => s.Decided is null && s.Error is null),
            accepted.Count / window,
            decided.Count(s => s.Decided <= window) / window,
            decided.Count / Math.Max(lastDecision, window),
            errors,
            failures,
            outcomes,
            LatencySummary.Of(slots.Select(s => (s.Sent - s.Intended) * 1000)),
            LatencySummary.Of(accepted.Select(s => (s.Accepted!.Value - s.Intended) * 1000)),
            LatencySummary.Of(decided.Select(s => (s.Decided!.Value - s.Intended) * 1000)),
            stages,
            work,
            inFlight.Count == 0 ? 0 : inFlight.Max(),
            InFlightTimeline.Count(intervals, [window / 2])[0],
            InFlightTimeline.Count(intervals, [window])[0],
            queues,
            cpu);
    }

    async Task SendAsync(HttpClient http, Slot slot, LoadRequest request, Func<double> clock, CancellationToken cancellationToken)
    {
        // Yield first, so the sender's loop never waits for a request's synchronous part.
        await Task.Yield();
        try
        {
            using var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/api/actions", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
            slot.Accepted = clock();
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK && response.Headers.Location is { } location)
            {
                slot.Id = location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..];
            }
            else
            {
                slot.Error = $"http-{(int)response.StatusCode}";
            }
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            slot.Error = "client-timeout";
        }
        catch (HttpRequestException ex)
        {
            slot.Error = "connection-" + ex.HttpRequestError.ToString().ToLowerInvariant();
        }
    }

    /// <summary>
    /// Reads every accepted action until it is decided (or waits for a person: that is a decision too) or the drain
    /// time runs out. The decision time is the workflow's last update, so the polling's own pace does not count.
    /// </summary>
    async Task DrainAsync(HttpClient http, Slot[] slots, DateTimeOffset startedUtc, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(drain.TotalSeconds * Stopwatch.Frequency);
        using var gate = new SemaphoreSlim(8);
        while (true)
        {
            var open = slots.Where(s => s.Id is not null && s.Decided is null && s.Error is null).ToList();
            if (open.Count == 0 || Stopwatch.GetTimestamp() > deadline)
            {
                return;
            }

            await Task.WhenAll(open.Select(async slot =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    using var response = await http.GetAsync(new Uri($"/api/actions/{slot.Id}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        return;
                    }

                    using var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                    var status = view.RootElement.GetProperty("status").GetString() ?? "unknown";
                    if (Unsettled.Contains(status))
                    {
                        return;
                    }

                    slot.Status = status;
                    slot.Decided = (view.RootElement.GetProperty("lastUpdatedAt").GetDateTimeOffset() - startedUtc).TotalSeconds;
                    if (status == "failed")
                    {
                        slot.Error = WorkflowFailed;
                        slot.Failure = view.RootElement.TryGetProperty("failure", out var failure) ? failure.GetString() : null;
                    }
                }
                catch (HttpRequestException)
                {
                    // A read lost to a busy host is tried again next round.
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>At most <paramref name="count"/> ids spread evenly over the run (history reads are per instance).</summary>
    static List<string> Sample(List<string> ids, int count) =>
        ids.Count <= count ? ids : [.. Enumerable.Range(0, count).Select(i => ids[(int)((long)i * ids.Count / count)])];

    HttpClient Client(int connections) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(120),
    };

    /// <summary>One scheduled request and what became of it; times are seconds from the step's start.</summary>
    sealed class Slot(double intended)
    {
        public double Intended { get; } = intended;

        public double Sent { get; set; }

        public double? Accepted { get; set; }

        public string? Id { get; set; }

        public string? Error { get; set; }

        public string? Status { get; set; }

        public double? Decided { get; set; }

        public string? Failure { get; set; }
    }
}
