using AgentTrust.Domain.Evidence.Verification;

namespace AgentTrust.Domain.Trust;

/// <summary>
/// Scores recomputed from an evidence bundle: the bundle is verified first, records the verifier names as bad are
/// left out (and reported), and the trust-change records of the rest are folded with <see cref="TrustFold.FoldAll"/>.
/// </summary>
public static class TrustRecomputation
{
    public static TrustRecomputeResult Run(EvidenceBundle bundle, EvidenceVerifier verifier, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(parameters);
        var report = verifier.Verify(bundle);
        var bad = new HashSet<string>(report.Problems.Where(p => p.Record is not null).Select(p => p.Record!), StringComparer.Ordinal);
        var badLogs = new HashSet<string>(report.Problems.Where(p => p.Record is null).Select(p => p.LogId), StringComparer.Ordinal);
        var signals = new List<TrustSignal>();
        long records = 0;
        long skipped = 0;
        foreach (var log in bundle.Logs)
        {
            foreach (var leaf in log.Leaves)
            {
                records++;
                if (leaf.Content is null || !leaf.Name.EndsWith("-" + Evidence.EvidenceKinds.TrustChange + ".json", StringComparison.Ordinal))
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
        }

        return new TrustRecomputeResult(records, signals.Count, skipped, TrustFold.FoldAll(signals, parameters), report);
    }
}
