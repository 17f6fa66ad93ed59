using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Storage;
using AgentTrust.Orchestrations.Trust;
using Microsoft.Extensions.Options;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// The end checks, run on the storage account after the host has stopped: every accepted action has exactly one
/// final decision (the API says so and the evidence holds exactly one decision record), the evidence verifies
/// (signatures, hash chains, Merkle proofs, no stray or missing record), the ticketing tool applied every applied
/// action exactly once and nothing else, and the stored trust scores equal a recomputation from the evidence.
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
        return new ChaosFindings(
            lost, duplicated, missing, wrongful,
            applications.Values.Sum(),
            verification.Valid && bundle.InFlight.Count == 0,
            verification.RecordsVerified,
            recompute.Differing.Count == 0 && recompute.Problems.Count == 0,
            recompute.States,
            problems);
    }
}
