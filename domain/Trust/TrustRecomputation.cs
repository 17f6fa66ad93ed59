using System.Collections.Concurrent;
using AgentTrust.Domain.Evidence.Verification;

namespace AgentTrust.Domain.Trust;

/// <summary>
/// Scores recomputed from an evidence bundle: the bundle is verified first, records the verifier names as bad are
/// left out (and reported), and the trust-change records of the rest are folded with <see cref="TrustFold.FoldAll"/>.
/// Parsing is the costly part after verification and each log parses independently, so logs are parsed in parallel,
/// forward-only (<see cref="TrustEvidence.ReadSignal"/>). Given the watermarks of the previous run, verification
/// re-checks only leaf hashes under them (<see cref="EvidenceVerifier"/>). States are keyed by agent, so the fold runs
/// per agent in parallel.
/// </summary>
public static class TrustRecomputation
{
    static readonly string TrustChangeSuffix = "-" + Evidence.EvidenceKinds.TrustChange + ".json";

    public static TrustRecomputeResult Run(EvidenceBundle bundle, EvidenceVerifier verifier, TrustParameters parameters) =>
        Run(bundle, verifier, parameters, null);

    public static TrustRecomputeResult Run(
        EvidenceBundle bundle, EvidenceVerifier verifier, TrustParameters parameters, IReadOnlyDictionary<string, VerifiedWatermark>? watermarks)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(parameters);
        var report = verifier.Verify(bundle, watermarks);
        var bad = new HashSet<string>(report.Problems.Where(p => p.Record is not null).Select(p => p.Record!), StringComparer.Ordinal);
        var badLogs = new HashSet<string>(report.Problems.Where(p => p.Record is null).Select(p => p.LogId), StringComparer.Ordinal);
        var perLog = new ConcurrentBag<(List<TrustSignal> Signals, long Records, long Skipped)>();
        Parallel.ForEach(bundle.Logs, log =>
        {
            var signals = new List<TrustSignal>();
            long skipped = 0;
            foreach (var leaf in log.Leaves)
            {
                if (leaf.Content is null || !leaf.Name.EndsWith(TrustChangeSuffix, StringComparison.Ordinal))
                {
                    continue;
                }

                // A record the verifier could not vouch for (or in a log whose checkpoints fail) does not move trust.
                if (bad.Contains(leaf.Name) || badLogs.Contains(log.LogId))
                {
                    skipped++;
                    continue;
                }

                if (TrustEvidence.ReadSignal(leaf.Content) is { } signal)
                {
                    signals.Add(signal);
                }
            }

            perLog.Add((signals, log.Leaves.Count, skipped));
        });

        // A signal's state key starts with its agent: folding each agent's signals alone gives the same states.
        var byAgent = perLog.SelectMany(p => p.Signals).GroupBy(s => s.AgentId, StringComparer.Ordinal).ToList();
        var folded = new IReadOnlyDictionary<(string AgentId, string Lane), TrustState>[byAgent.Count];
        Parallel.For(0, byAgent.Count, a => folded[a] = TrustFold.FoldAll(byAgent[a], parameters));
        var states = new Dictionary<(string AgentId, string Lane), TrustState>();
        foreach (var (key, state) in folded.SelectMany(f => f))
        {
            states[key] = state;
        }

        return new TrustRecomputeResult(perLog.Sum(p => p.Records), byAgent.Sum(g => (long)g.Count()), perLog.Sum(p => p.Skipped), states, report);
    }
}
