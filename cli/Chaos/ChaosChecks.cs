using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Storage;
using AgentTrust.Orchestrations.Trust;
using AgentTrust.Orchestrations.TrustConsole;
using Microsoft.Extensions.Options;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// The end checks, run on the storage account after the host has stopped: every accepted action has exactly one
/// final decision (the API says so and the evidence holds exactly one decision record), the evidence verifies
/// (signatures, hash chains, Merkle proofs, no stray or missing record), the ticketing tool applied every applied
/// action exactly once and nothing else, the stored trust scores equal a recomputation from the evidence, and the
/// console's action feed (a read model of the evidence) shows each action once, as the API does.
/// </summary>
public static class ChaosChecks
{
    static readonly string[] Writable = ["applied", "approved"];

    public static async Task<ChaosFindings> RunAsync(
        string connectionString, IReadOnlyCollection<TrackedAction> accepted, IReadOnlyDictionary<string, int> applications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(applications);
        var clients = new StorageClients(Options.Create(new AgentTrustStorageOptions { ConnectionString = connectionString }));
        var exporter = new StorageEvidenceExporter(clients);
        var bundle = await exporter.ReadAsync(cancellationToken).ConfigureAwait(false);
        var verification = new EvidenceVerifier().Verify(bundle);
        var problems = new List<string>();
        problems.AddRange(verification.Problems.Take(20).Select(p => "evidence: " + p));
        problems.AddRange(bundle.InFlight.Take(20).Select(name => "evidence still in flight after the host stopped: " + name));

        // records/{agent}/{action}/{sequence}-{kind}.json, every logged leaf (a leaf logged twice counts twice).
        var kinds = bundle.Logs.SelectMany(l => l.Leaves)
            .Select(leaf => leaf.Name.Split('/'))
            .Where(parts => parts.Length == 4)
            .GroupBy(parts => parts[2], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(parts => parts[3].Length > 10 ? parts[3][5..^5] : parts[3]).ToList(), StringComparer.Ordinal);

        var lost = new List<string>();
        var duplicated = new List<string>();
        var missing = new List<string>();
        var wrongful = new List<string>();
        foreach (var action in accepted.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var records = kinds.GetValueOrDefault(action.Id) ?? [];
            var decisions = records.Count(k => k == EvidenceKinds.Decision);
            var writeBackRecords = records.Count(k => k == EvidenceKinds.WriteBack);
            var applied = applications.GetValueOrDefault(action.Id);
            if (action.Final is null || decisions == 0)
            {
                lost.Add(action.Id);
                // The ticketing tool's count too: a workflow that wrote its ticket but never reported it ran on, its status did not.
                problems.Add($"lost: {action.Id} (last status {action.LastStatus ?? "never seen"}, {decisions} decision record(s), {writeBackRecords} write-back record(s), written {applied} time(s))");
                continue;
            }

            if (decisions > 1 || applied > 1 || writeBackRecords > 1)
            {
                duplicated.Add(action.Id);
                problems.Add($"duplicated: {action.Id} ({action.Final}): {decisions} decision record(s), applied {applied} time(s), {writeBackRecords} write-back record(s)");
            }

            if (Writable.Contains(action.Final))
            {
                if (applied == 0 || writeBackRecords == 0)
                {
                    missing.Add(action.Id);
                    problems.Add($"write-back missing: {action.Id} ({action.Final}): applied {applied} time(s), {writeBackRecords} write-back record(s)");
                }
            }
            else if (applied > 0)
            {
                wrongful.Add(action.Id);
                problems.Add($"written though {action.Final}: {action.Id}");
            }
        }

        var known = accepted.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stranger in applications.Keys.Where(id => !known.Contains(id)))
        {
            wrongful.Add(stranger);
            problems.Add($"written but never accepted: {stranger}");
        }

        var recompute = await new TrustRecomputer(exporter, new TableTrustStore(clients, Options.Create(new TrustOptions())), TrustParameters.Default)
            .RunAsync(write: false, cancellationToken).ConfigureAwait(false);
        problems.AddRange(recompute.Differing.Take(20).Select(key => "trust differs from the recomputation: " + key));
        problems.AddRange(recompute.Problems.Take(20).Select(p => "trust recomputation: " + p));
        var feedProblems = await CheckFeedAsync(clients, accepted, cancellationToken).ConfigureAwait(false);
        problems.AddRange(feedProblems.Take(20));
        return new ChaosFindings(
            lost, duplicated, missing, wrongful,
            applications.Values.Sum(),
            verification.Valid && bundle.InFlight.Count == 0,
            verification.RecordsVerified,
            recompute.Differing.Count == 0 && recompute.Problems.Count == 0,
            recompute.States,
            feedProblems.Count == 0,
            problems);
    }

    /// <summary>
    /// The console's read model against the API: one feed row per decided action, with the status the API gives, and
    /// no decided action still in the queue of actions waiting for a person.
    /// </summary>
    static async Task<List<string>> CheckFeedAsync(StorageClients clients, IReadOnlyCollection<TrackedAction> accepted, CancellationToken cancellationToken)
    {
        var feed = new TableActionFeed(clients, Options.Create(new ConsoleOptions()));
        var rows = await ReadAllAsync(feed, pendingOnly: false, cancellationToken).ConfigureAwait(false);
        var waiting = (await ReadAllAsync(feed, pendingOnly: true, cancellationToken).ConfigureAwait(false)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var byId = rows.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var action in accepted.Where(a => a.Final is not null).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var entries = byId.GetValueOrDefault(action.Id) ?? [];
            if (entries.Count != 1 || entries[0].Status != action.Final)
            {
                problems.Add($"console feed: {action.Id} is {action.Final}, the feed has {entries.Count} row(s) ({string.Join(", ", entries.Select(e => e.Status))})");
            }

            if (waiting.Contains(action.Id))
            {
                problems.Add($"console feed: {action.Id} is {action.Final} but still in the queue waiting for a person");
            }
        }

        return problems;
    }

    static async Task<List<ActionFeedEntry>> ReadAllAsync(TableActionFeed feed, bool pendingOnly, CancellationToken cancellationToken)
    {
        var all = new List<ActionFeedEntry>();
        string? token = null;
        do
        {
            var page = await feed.PageAsync(pendingOnly, status: null, pageSize: 1000, token, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }
}
