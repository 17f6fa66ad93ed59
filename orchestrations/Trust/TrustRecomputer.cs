using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>
/// Recomputes every score from the evidence: exports the storage account's logs, verifies them (records the verifier
/// cannot vouch for are left out), folds the trust-change records, compares with the stored states and writes the
/// recomputed ones. Run hourly by a timer and on demand by <c>agenttrust trust recompute</c>.
/// </summary>
/// <remarks>
/// It runs while signals are applied. The stored states are read before the evidence: a signal's record is logged
/// before the signal is applied, so every signal a stored state holds is in the evidence read after it. A state is
/// replaced only if its row is unchanged since (ETag): a signal applied during the run is never rolled back; that
/// state is left for the next run and reported as changed meanwhile.
/// Each run keeps the verified watermark of every log (the newest signed checkpoint under which everything
/// verified), and the next run re-checks only the leaf hashes under it: the records' bytes still give the same
/// signed root, so they are the bytes verified before. With a <see cref="TableVerifiedWatermarkStore"/> the watermarks
/// are persisted, so a new process (the CLI, a cold Functions instance) starts from them too; without one they are
/// kept in memory and a new process verifies in full. A full verification (every record's format, place and chain
/// again, whatever the watermarks say) runs when asked and once a day, in the hour <see cref="TrustOptions.FullVerificationHourUtc"/>:
/// a schedule that does not depend on anything in storage, so a forged watermark row cannot postpone it.
/// </remarks>
public sealed class TrustRecomputer
{
    static readonly IReadOnlyDictionary<string, VerifiedWatermark> None = new Dictionary<string, VerifiedWatermark>();

    readonly StorageEvidenceExporter exporter;
    readonly ITrustStore store;
    readonly TrustParameters parameters;
    readonly TableVerifiedWatermarkStore? watermarkStore;
    readonly TrustOptions options;
    readonly TimeProvider time;
    IReadOnlyDictionary<string, VerifiedWatermark> watermarks = None;
    DateTimeOffset? lastFullVerification;

    public TrustRecomputer(StorageEvidenceExporter exporter, ITrustStore store, TrustParameters parameters)
        : this(exporter, store, parameters, null, null, null)
    {
    }

    public TrustRecomputer(
        StorageEvidenceExporter exporter, ITrustStore store, TrustParameters parameters, TableVerifiedWatermarkStore? watermarkStore, TrustOptions? options, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(parameters);
        this.exporter = exporter;
        this.store = store;
        this.parameters = parameters;
        this.watermarkStore = watermarkStore;
        this.options = options ?? new TrustOptions();
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Relative difference in evidence mass below which stored and recomputed state are the same (fold-order rounding).</summary>
    public const double Tolerance = 1e-9;

    public Task<TrustRecomputeReport> RunAsync(bool write = true, CancellationToken cancellationToken = default) =>
        RunAsync(write, fullVerification: false, cancellationToken);

    /// <param name="write">Replace stored scores that differ (and persist the new watermarks); false: compare only.</param>
    /// <param name="fullVerification">Verify every record in full, ignoring watermarks (they are renewed from this run).</param>
    public async Task<TrustRecomputeReport> RunAsync(bool write, bool fullVerification, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var full = fullVerification || FullVerificationDue(now);
        var persisted = watermarkStore is null
            ? new Dictionary<string, StoredWatermark>()
            : await watermarkStore.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var from = full ? None : watermarkStore is null ? watermarks : persisted.ToDictionary(p => p.Key, p => p.Value.Watermark, StringComparer.Ordinal);
        var before = (await store.ListAllAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => (s.State.AgentId, s.State.Lane));
        var bundle = await exporter.ReadAsync(cancellationToken).ConfigureAwait(false);
        var result = TrustRecomputation.Run(bundle, new EvidenceVerifier(), parameters, from);
        // Logs with a problem have no watermark now, so they are verified in full again next time.
        watermarks = result.Verification.Watermarks;
        if (full)
        {
            lastFullVerification = now;
        }

        if (watermarkStore is not null && write)
        {
            await watermarkStore.SaveAsync(persisted, watermarks, now, cancellationToken).ConfigureAwait(false);
        }

        var differing = new List<string>();
        var changedMeanwhile = new List<string>();
        foreach (var ((agent, lane), recomputed) in result.States.OrderBy(s => s.Key.AgentId, StringComparer.Ordinal).ThenBy(s => s.Key.Lane, StringComparer.Ordinal))
        {
            var stored = before.GetValueOrDefault((agent, lane));
            if (stored is null || !Same(stored.State, recomputed))
            {
                differing.Add($"{agent}/{lane}");
                if (write && !await store.ReplaceAsync(recomputed, stored?.Version, cancellationToken).ConfigureAwait(false))
                {
                    changedMeanwhile.Add($"{agent}/{lane}");
                }
            }
        }

        return new TrustRecomputeReport(
            result.Records, result.Signals, result.SkippedUnverified, result.States.Count, differing,
            [.. result.Verification.Problems.Select(p => p.ToString())])
        {
            ChangedMeanwhile = changedMeanwhile,
            FullVerification = full,
            RecordsUnderWatermark = result.Verification.RecordsUnderWatermark,
        };
    }

    // Once a day, in the configured hour (at most once per hour in this process, whatever the run interval).
    bool FullVerificationDue(DateTimeOffset now) =>
        options.FullVerificationHourUtc is { } hour && now.UtcDateTime.Hour == hour
        && (lastFullVerification is not { } last || now - last >= TimeSpan.FromHours(1));

    /// <summary>Same evidence, version and event count, up to rounding.</summary>
    public static bool Same(TrustState a, TrustState b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Version == b.Version && a.VersionSince == b.VersionSince && a.LastEventAt == b.LastEventAt
            && Same(a.Conduct, b.Conduct) && Same(a.Outcome, b.Outcome);
    }

    static bool Same(BetaEvidence a, BetaEvidence b) =>
        a.Events == b.Events && a.AnchorAt == b.AnchorAt
        && Close(a.Positive, b.Positive) && Close(a.Negative, b.Negative) && Close(a.FastPositive, b.FastPositive) && Close(a.FastNegative, b.FastNegative);

    static bool Close(double x, double y) => Math.Abs(x - y) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));
}
