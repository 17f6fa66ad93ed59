using System.Collections.Concurrent;
using AgentTrust.Domain.Evidence.Verification;

namespace AgentTrust.Domain.Trust;

/// <summary>
/// Scores recomputed from an evidence bundle: the bundle is verified first, records the verifier names as bad are
/// left out (and reported), and the trust-change records of the rest are folded with <see cref="TrustFold.FoldAll"/>.
/// Parsing is the costly part after verification and each log parses independently, so logs are parsed in parallel.
/// </summary>
public static class TrustRecomputation
{
    static readonly string TrustChangeSuffix = "-" + Evidence.EvidenceKinds.TrustChange + ".json";

    public static TrustRecomputeResult Run(EvidenceBundle bundle, EvidenceVerifier verifier, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(parameters);
        var report = verifier.Verify(bundle);
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

        var all = perLog.SelectMany(p => p.Signals).ToList();
        return new TrustRecomputeResult(perLog.Sum(p => p.Records), all.Count, perLog.Sum(p => p.Skipped), TrustFold.FoldAll(all, parameters), report);
    }
}
