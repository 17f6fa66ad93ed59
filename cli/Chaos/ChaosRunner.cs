using System.Diagnostics;
using System.Globalization;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// Runs the chaos: Azurite (data on disk), the fake ticketing tool, and <c>agenttrust serve</c> as a child process
/// that is SIGKILLed after a random life and started again on the same storage and task hub, with Azurite itself
/// restarted now and then between host lives. Meanwhile the stream proposes, approves and reports outcomes. Then the
/// kills stop, every accepted action gets time to settle, the host stops cleanly and the end checks run.
/// </summary>
public sealed class ChaosRunner(ChaosOptions options, TextWriter progress)
{
    int runs;
    int hostLogs;

    /// <param name="stopKills">Ends the kills early: the run drains and checks what it has (a first Ctrl+C).</param>
    public async Task<ChaosReport> RunAsync(CancellationToken cancellationToken = default, CancellationToken stopKills = default)
    {
        var clock = Stopwatch.StartNew();
        var runTag = Guid.NewGuid().ToString("N")[..6];
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "agenttrust-chaos-" + runTag);
        Directory.CreateDirectory(work);
        var dll = options.HostDll ?? Path.Combine(AppContext.BaseDirectory, "agenttrust.dll");
        var launcher = options.AzuritePath ?? ChaosAzurite.FindLauncher(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("Azurite not found: run `npm ci` in the repository, or pass --azurite PATH.");
        var random = new Random(options.Seed);
        await Say($"chaos: work folder {work}, seed {options.Seed}, {options.Kills} kills, {options.Rate} actions/s, Azurite restart every {options.AzuriteRestartEvery} lives").ConfigureAwait(false);

        await using var azurite = new ChaosAzurite(launcher, work);
        await azurite.StartAsync(cancellationToken).ConfigureAwait(false);
        await using var tickets = new FakeServiceNow(options.Seed);
        await tickets.StartAsync().ConfigureAwait(false);
        var api = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ChaosAzurite.FreePort()}"));
        string[] settings =
        [
            $"--AgentTrust:LocalHost:Url={api}",
            $"--AgentTrust:LocalHost:TaskHub=chaos{runTag}",
            // A short partition lease: a restarted host takes over from the dead one in seconds instead of 15 s, so
            // short lives still make progress. Queue visibility timeouts stay the product's defaults.
            "--AgentTrust:LocalHost:LeaseInterval=00:00:06",
            $"--AgentTrust:Ticketing:ServiceNow:BaseUrl={tickets.BaseUrl}",
            "--AgentTrust:Ticketing:ServiceNow:AttemptTimeoutSeconds=5",
            "--AgentTrust:Ticketing:ServiceNow:BreakSeconds=1",
            // The host's own hourly recomputation would repair scores and hide a drift the end check must see.
            "--AgentTrust:Trust:RecomputeInterval=1.00:00:00",
            "--AgentTrust:Telemetry:Console=false",
            .. options.HostSettings.Select(setting => "--" + setting),
        ];

        Task<ChaosHost> Start() => StartHostAsync(dll, settings, azurite.ConnectionString, work, cancellationToken);
        var host = await Start().ConfigureAwait(false);
        var hostStarted = DateTime.UtcNow;
        using var stream = new ChaosStream(api, options, runTag);
        await stream.PublishPactsAsync(cancellationToken).ConfigureAwait(false);

        using var stopProducing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = stream.ProduceAsync(stopProducing.Token, abort.Token);
        var tracker = stream.TrackAsync(() => producer.IsCompleted, abort.Token);

        int kills = 0, azuriteRestarts = 0, ownExits = 0;
        while (kills < options.Kills && (options.Duration is not { } limit || clock.Elapsed < limit) && !stopKills.IsCancellationRequested)
        {
            var life = TimeSpan.FromSeconds(options.MinLifeSeconds + (random.NextDouble() * (options.MaxLifeSeconds - options.MinLifeSeconds)));
            // A life starts when the host first accepts an action (at most 90 s after it listens): on a loaded machine a
            // cold host can take longer than a whole life to answer, and a host killed before it ever answers tests nothing.
            var warm = Stopwatch.StartNew();
            while (stream.LastAccepted < hostStarted && warm.Elapsed < TimeSpan.FromSeconds(90) && !host.HasExited && !stopKills.IsCancellationRequested)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            var lifeClock = Stopwatch.StartNew();
            while (lifeClock.Elapsed < life && !host.HasExited && !stopKills.IsCancellationRequested)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            var killed = !host.HasExited;
            if (killed)
            {
                await host.KillAsync().ConfigureAwait(false);
                kills++;
            }
            else
            {
                ownExits++;
                await Say("  the host exited on its own; starting it again").ConfigureAwait(false);
            }

            await host.DisposeAsync().ConfigureAwait(false);
            if (killed && options.AzuriteRestartEvery > 0 && kills % options.AzuriteRestartEvery == 0)
            {
                // Storage goes down with the host (a clean stop: Azurite saves its data; it waits for open connections,
                // so it is stopped while no host holds any) and comes back on the same ports with the same data.
                await azurite.RestartAsync(TimeSpan.FromSeconds(1 + (2 * random.NextDouble())), cancellationToken).ConfigureAwait(false);
                azuriteRestarts++;
                await Say($"  Azurite restarted ({azuriteRestarts})").ConfigureAwait(false);
            }

            await Say(string.Create(CultureInfo.InvariantCulture,
                $"kill {kills}/{options.Kills} after {lifeClock.Elapsed.TotalSeconds:F1} s: {stream.Accepted.Count} accepted, {stream.Accepted.Count(a => a.Final is not null)} decided ({clock.Elapsed:hh\\:mm\\:ss})")).ConfigureAwait(false);
            host = await Start().ConfigureAwait(false);
            hostStarted = DateTime.UtcNow;
        }

        await stopProducing.CancelAsync().ConfigureAwait(false);
        await Say($"kills done; draining (up to {options.DrainTimeout.TotalSeconds:F0} s) until every accepted action is decided").ConfigureAwait(false);
        var drain = Stopwatch.StartNew();
        var lastSaid = TimeSpan.Zero;
        // Slow is not lost: the drain goes on while actions keep settling, and gives up only when nothing settled for
        // DrainStall (or at DrainTimeout in any case).
        var settled = -1;
        var lastProgress = Stopwatch.StartNew();
        while (!(producer.IsCompleted && stream.AllDone()) && drain.Elapsed < options.DrainTimeout && lastProgress.Elapsed < options.DrainStall)
        {
            var now = stream.Accepted.Count(a => a.Done);
            if (now != settled)
            {
                settled = now;
                lastProgress.Restart();
            }

            if (host.HasExited)
            {
                ownExits++;
                await host.DisposeAsync().ConfigureAwait(false);
                host = await Start().ConfigureAwait(false);
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            if (drain.Elapsed - lastSaid > TimeSpan.FromSeconds(20))
            {
                lastSaid = drain.Elapsed;
                await Say(string.Create(CultureInfo.InvariantCulture,
                    $"  draining {drain.Elapsed.TotalSeconds:F0} s: {stream.Accepted.Count} accepted, {stream.Accepted.Count(a => a.Final is not null)} decided, {stream.Accepted.Count(a => a.Done)} done")).ConfigureAwait(false);
            }
        }

        await abort.CancelAsync().ConfigureAwait(false);
        await Quietly(producer).ConfigureAwait(false);
        await Quietly(tracker).ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);
        await host.DisposeAsync().ConfigureAwait(false);
        await Say($"stopped the host; checking {stream.Accepted.Count} accepted actions").ConfigureAwait(false);

        var accepted = stream.Accepted;
        var findings = await ChaosChecks.RunAsync(azurite.ConnectionString, accepted, tickets.Applications, cancellationToken).ConfigureAwait(false);
        var statuses = accepted.GroupBy(a => a.Final ?? "not decided (" + (a.LastStatus ?? "never seen") + ")", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ChaosReport(
            runs, kills, azuriteRestarts, ownExits,
            accepted.Count, stream.Replayed, accepted.Count(a => a.Final is not null),
            findings.Lost.Count, findings.Duplicated.Count, findings.MissingWriteBacks.Count, findings.WrongfulWrites.Count, findings.WriteBacks,
            stream.Approvals, stream.Outcomes,
            findings.EvidenceVerified, findings.EvidenceRecords, findings.TrustEqual, findings.TrustScores, findings.FeedMatches,
            statuses, [.. stream.Problems, .. findings.Problems], clock.Elapsed, options.Seed);
    }

    /// <summary>Starts a host life, riding out a start that fails while storage is down.</summary>
    async Task<ChaosHost> StartHostAsync(string dll, string[] settings, string connectionString, string work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var log = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"host-{++hostLogs:D4}.log"));
            try
            {
                var host = await ChaosHost.StartAsync(dll, settings, connectionString, log, cancellationToken).ConfigureAwait(false);
                runs++;
                return host;
            }
            catch (Exception ex) when ((ex is InvalidOperationException or TimeoutException) && attempt < 5)
            {
                await Say($"  the host did not start ({ex.Message}); trying again").ConfigureAwait(false);
                await Task.Delay(2000, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    async Task Say(string line)
    {
        await progress.WriteLineAsync(line).ConfigureAwait(false);
        await progress.FlushAsync().ConfigureAwait(false);
    }
}
