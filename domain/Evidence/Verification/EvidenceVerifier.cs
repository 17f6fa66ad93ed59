using System.Globalization;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;

namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>
/// Verifies exported or stored evidence offline. Per log: every checkpoint's signature; every leaf hash recomputed
/// from the record's bytes and checked against the log and against every checkpoint root (one pass), so a signed
/// checkpoint authenticates every record under it; a consistency proof from the oldest to the newest checkpoint
/// (the log only ever grew); the DSSE signature of every record not yet under a checkpoint (or of every record with
/// <c>verifyAllSignatures</c>, or of the records in a range a checkpoint disowns, to name the forged one); each
/// record stored under its own name, in its agent's log; and each action's hash chain (sequence 0, 1, 2... each
/// naming the digest of the one before). Problems are reported in log order, so the first is the first bad record.
/// Given the <see cref="VerifiedWatermark"/>s of an earlier run, records under a watermark whose signed checkpoint
/// still matches the recomputed root need only their leaf hashes (their bytes are the ones verified before); logs
/// are verified in parallel.
/// </summary>
public sealed class EvidenceVerifier(KeyRing? trustedKeys = null, bool verifyAllSignatures = false)
{
    public EvidenceVerificationReport Verify(EvidenceBundle bundle) => Verify(bundle, null);

    public EvidenceVerificationReport Verify(EvidenceBundle bundle, IReadOnlyDictionary<string, VerifiedWatermark>? watermarks)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var notes = new List<string>();
        using var bundledKeys = trustedKeys is null ? new KeyRing(bundle.Keys) : null;
        var keys = trustedKeys ?? bundledKeys!;
        if (trustedKeys is null)
        {
            notes.Add("public keys were taken from the evidence itself: this proves integrity, not origin; pass trusted keys to prove who signed");
        }

        if (bundle.InFlight.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{bundle.InFlight.Count} record(s) were being written (stored, not yet logged) and are left out; verify again to include them"));
        }

        var problems = new List<EvidenceProblem>();
        long records = 0;
        long signatures = 0;
        long underWatermarks = 0;
        var checkpoints = 0;
        var verified = new Dictionary<string, VerifiedWatermark>(StringComparer.Ordinal);
        // Logs are independent: verified side by side (each also parallel inside), reported in log order.
        var logs = bundle.Logs.OrderBy(l => l.LogId, StringComparer.Ordinal).ToList();
        var results = new LogResult[logs.Count];
        var logNotes = new List<string>[logs.Count];
        Parallel.For(0, logs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, l =>
        {
            logNotes[l] = [];
            results[l] = VerifyLog(logs[l], keys, logNotes[l], watermarks?.GetValueOrDefault(logs[l].LogId));
        });
        for (var l = 0; l < logs.Count; l++)
        {
            var result = results[l];
            notes.AddRange(logNotes[l]);
            problems.AddRange(result.Problems);
            records += result.Records;
            signatures += result.Signatures;
            checkpoints += result.Checkpoints;
            underWatermarks += result.UnderWatermark;
            if (result.Watermark is { } watermark)
            {
                verified[watermark.LogId] = watermark;
            }
        }

        return new EvidenceVerificationReport(records, signatures, checkpoints, problems, notes) { Watermarks = verified, RecordsUnderWatermark = underWatermarks };
    }

    LogResult VerifyLog(EvidenceLogBundle log, KeyRing keys, List<string> notes, VerifiedWatermark? watermark)
    {
        var problems = new List<EvidenceProblem>();
        var leaves = log.Leaves;
        var n = leaves.Count;

        // Leaves must be numbered 0..n-1 with no gaps or repeats: a gap is a removed log entry.
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (leaves[i].Index != i)
            {
                problems.Add(new EvidenceProblem(log.LogId, i, leaves[i].Name, string.Create(CultureInfo.InvariantCulture, $"the log has no leaf {i} (found leaf {leaves[i].Index} in its place): a log entry was removed or reordered")));
                return new LogResult(problems, 0, 0, 0, null, 0);
            }

            if (!names.Add(leaves[i].Name))
            {
                problems.Add(new EvidenceProblem(log.LogId, i, leaves[i].Name, "the record is logged twice"));
            }
        }

        // Checkpoint signatures first: only signed tree heads vouch for the records under them.
        var signed = new List<Checkpoint>();
        foreach (var checkpoint in log.Checkpoints.OrderBy(c => c.TreeSize))
        {
            if (!string.Equals(checkpoint.Origin, Checkpoint.OriginFor(log.LogId), StringComparison.Ordinal))
            {
                problems.Add(new EvidenceProblem(log.LogId, null, null, $"checkpoint of size {checkpoint.TreeSize} belongs to '{checkpoint.Origin}', not this log"));
            }
            else if (!CheckpointSigning.Verify(checkpoint, keys))
            {
                problems.Add(new EvidenceProblem(log.LogId, null, null, $"checkpoint of size {checkpoint.TreeSize}: signature by '{checkpoint.KeyId}' does not verify"));
            }
            else if (checkpoint.TreeSize > n)
            {
                problems.Add(new EvidenceProblem(log.LogId, n, null, string.Create(CultureInfo.InvariantCulture, $"a signed checkpoint covers {checkpoint.TreeSize} leaves but the log has only {n}: records were removed from the end")));
            }
            else
            {
                signed.Add(checkpoint);
            }
        }

        // Recompute every leaf hash from the record's bytes (in parallel: a million records are a lot of hashing).
        var recomputed = new byte[]?[n];
        Parallel.For(0, n, i => recomputed[i] = leaves[i].Content is { } content ? MerkleTree.LeafHash(content) : null);

        // One pass of the tree: each signed root must be the root of the recomputed leaves at its size.
        var leafHashes = new byte[n][];
        for (var i = 0; i < n; i++)
        {
            leafHashes[i] = recomputed[i] ?? StoredLeafHash(leaves[i]) ?? new byte[MerkleTree.HashSize];
        }

        var builder = new MerkleTreeBuilder();
        long matchedPrefix = 0;
        var matched = new List<Checkpoint>();
        var disowned = new List<(long From, long To)>();
        var next = 0;
        for (var size = 0L; size <= n && next < signed.Count; size++)
        {
            while (next < signed.Count && signed[next].TreeSize == size)
            {
                var checkpoint = signed[next++];
                if (string.Equals(Convert.ToBase64String(builder.Root()), checkpoint.RootHash, StringComparison.Ordinal))
                {
                    matchedPrefix = Math.Max(matchedPrefix, size);
                    matched.Add(checkpoint);
                }
                else
                {
                    var from = matched.Count > 0 ? matched[^1].TreeSize : 0;
                    disowned.Add((from, size));
                    problems.Add(new EvidenceProblem(log.LogId, from, from < n ? leaves[(int)from].Name : null, string.Create(
                        CultureInfo.InvariantCulture,
                        $"the signed checkpoint of size {checkpoint.TreeSize} does not match the log: leaves {from}..{size - 1} were altered, removed or reordered")));
                }
            }

            if (size < n)
            {
                builder.Append(leafHashes[size]);
            }
        }

        // Records under the earlier run's watermark are the bytes it verified when its signed checkpoint still
        // matches (and nothing before it is disowned): their format, place and chain need no second look.
        var trusted = 0;
        if (watermark is not null && !verifyAllSignatures && string.Equals(watermark.LogId, log.LogId, StringComparison.Ordinal) && disowned.Count == 0
            && matched.Exists(c => c.TreeSize == watermark.TreeSize && string.Equals(c.RootHash, watermark.RootHash, StringComparison.Ordinal)))
        {
            trusted = (int)watermark.TreeSize;
        }

        var inspected = new Inspected[n];
        Parallel.For(trusted, n, i => inspected[i] = Inspect(leaves[i], recomputed[i]));

        if (matched.Count >= 2)
        {
            var first = matched[0];
            var last = matched[^1];
            var proof = MerkleTree.ConsistencyProof(leafHashes, first.TreeSize, last.TreeSize);
            if (!MerkleTree.VerifyConsistency(first.TreeSize, last.TreeSize, Convert.FromBase64String(first.RootHash), Convert.FromBase64String(last.RootHash), proof))
            {
                problems.Add(new EvidenceProblem(log.LogId, null, null, $"checkpoints of size {first.TreeSize} and {last.TreeSize} are not consistent: the log was rewritten"));
            }
        }

        if (n > matchedPrefix)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"log '{log.LogId}': {n - matchedPrefix} record(s) after the latest matching checkpoint rest on their own signatures until the next checkpoint"));
        }

        // Record signatures where no checkpoint vouches for the record, or everywhere when asked.
        var signatureProblems = new string?[n];
        long signaturesChecked = 0;
        Parallel.For(0, n, i =>
        {
            var needed = verifyAllSignatures || i >= matchedPrefix || disowned.Exists(r => i >= r.From && i < r.To);
            if (needed && inspected[i].Summary is not null)
            {
                Interlocked.Increment(ref signaturesChecked);
                try
                {
                    var opened = EvidenceEnvelopes.Open(leaves[i].Content);
                    if (!EvidenceEnvelopes.VerifySignatures(opened, keys, out var problem))
                    {
                        signatureProblems[i] = problem;
                    }
                }
                catch (FormatException ex)
                {
                    signatureProblems[i] = "not a valid evidence record: " + ex.Message;
                }
            }
        });

        // In log order: per-record problems and each action's chain.
        var chains = new Dictionary<string, (int Sequence, string Digest)>(StringComparer.Ordinal);
        var trustedChains = trusted > 0 ? new TrustedChains(leaves, trusted) : null;
        for (var i = 0; i < n; i++)
        {
            var leaf = leaves[i];
            var record = inspected[i];
            string? reason = null;
            if (i < trusted)
            {
                // Verified before; its bytes match the same signed root, so only the log's own entry is looked at.
                if (leaf.LeafHash is not null && !string.Equals(leaf.LeafHash, Convert.ToHexStringLower(recomputed[i]!), StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new EvidenceProblem(log.LogId, i, leaf.Name, "the record's bytes do not match the leaf hash in the log (altered)"));
                }

                continue;
            }

            if (leaf.Content is null)
            {
                reason = "the record is missing from storage (removed)";
            }
            else if (record.FormatProblem is not null)
            {
                reason = "not a valid evidence record: " + record.FormatProblem;
            }
            else if (leaf.LeafHash is not null && !string.Equals(leaf.LeafHash, Convert.ToHexStringLower(record.LeafHash!), StringComparison.OrdinalIgnoreCase))
            {
                reason = "the record's bytes do not match the leaf hash in the log (altered)";
            }
            else if (signatureProblems[i] is { } signatureProblem)
            {
                reason = signatureProblem + " (altered or forged)";
            }
            else
            {
                var summary = record.Summary!.Value;
                if (trustedChains is not null && !chains.ContainsKey(summary.ActionId) && trustedChains.Tail(log.LogId, summary) is { } tail)
                {
                    chains[summary.ActionId] = tail;
                }

                reason = CheckPlaceAndChain(log.LogId, leaf.Name, summary, record.Digest!, chains);
            }

            if (reason is not null)
            {
                problems.Add(new EvidenceProblem(log.LogId, i, leaf.Name, reason));
            }
        }

        // A disowned range in which a record is named already points at the culprit; the range itself goes last.
        for (var r = 0; r < problems.Count; r++)
        {
            var range = problems[r];
            if (range.Reason.StartsWith("the signed checkpoint", StringComparison.Ordinal) && range.LeafIndex is { } from
                && disowned.Find(d => d.From == from) is var (rangeFrom, rangeTo)
                && problems.Exists(p => p.LeafIndex is { } i && i >= rangeFrom && i < rangeTo && !ReferenceEquals(p, range)))
            {
                problems[r] = range with { LeafIndex = null, Record = null };
            }
        }

        foreach (var stray in log.Unlogged)
        {
            problems.Add(new EvidenceProblem(log.LogId, null, stray.Name, "the record is stored but not in the log (its log entry was removed, or it was added afterwards)"));
        }

        // The next run may start from the newest matching checkpoint when nothing in this log was wrong.
        var watermarkNow = problems.Count == 0 && matched.Count > 0 ? new VerifiedWatermark(log.LogId, matched[^1].TreeSize, matched[^1].RootHash) : null;

        // Stable order by leaf: the first problem is the first bad record; problems with no leaf come last.
        return new LogResult([.. problems.OrderBy(p => p.LeafIndex ?? long.MaxValue)], n, signaturesChecked, signed.Count, watermarkNow, trusted);
    }

    static string? CheckPlaceAndChain(string logId, string name, EvidenceSummary draft, string digest, Dictionary<string, (int Sequence, string Digest)> chains)
    {
        if (!string.Equals(draft.AgentId, logId, StringComparison.Ordinal))
        {
            return $"the record is agent '{draft.AgentId}''s, not this log's";
        }

        var expectedName = EvidenceRecordNames.For(draft.AgentId, draft.ActionId, draft.Sequence, draft.Kind);
        if (!string.Equals(expectedName, name, StringComparison.Ordinal))
        {
            return $"the record's content belongs at '{expectedName}' (moved or reordered)";
        }

        if (chains.TryGetValue(draft.ActionId, out var previous))
        {
            if (draft.Sequence != previous.Sequence + 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"action '{draft.ActionId}': record {draft.Sequence} follows record {previous.Sequence} (removed or reordered)");
            }

            if (!string.Equals(draft.PreviousDigest, previous.Digest, StringComparison.Ordinal))
            {
                return $"action '{draft.ActionId}': the chain is broken: the record names previous digest '{draft.PreviousDigest}' but the record before it is '{previous.Digest}'";
            }
        }
        else if (draft.Sequence != 0 || draft.PreviousDigest is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"action '{draft.ActionId}': the first logged record is number {draft.Sequence}, not 0 (earlier records removed or reordered)");
        }

        chains[draft.ActionId] = (draft.Sequence, digest);
        return null;
    }

    static byte[]? StoredLeafHash(BundledRecord leaf)
    {
        if (leaf.LeafHash is not { Length: MerkleTree.HashSize * 2 } hex)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    static Inspected Inspect(BundledRecord leaf, byte[]? leafHash)
    {
        if (leaf.Content is null || leafHash is null)
        {
            return default;
        }

        var digest = EvidenceEnvelopes.RecordDigest(leaf.Content);
        try
        {
            return new Inspected(leafHash, digest, EvidenceSummaryReader.Read(leaf.Content), null);
        }
        catch (FormatException ex)
        {
            return new Inspected(leafHash, digest, null, ex.Message);
        }
    }

    readonly record struct Inspected(byte[]? LeafHash, string? Digest, EvidenceSummary? Summary, string? FormatProblem);

    sealed record LogResult(List<EvidenceProblem> Problems, long Records, long Signatures, int Checkpoints, VerifiedWatermark? Watermark, long UnderWatermark);

    /// <summary>
    /// The chain links of actions that have records under the watermark: the last such record of each action (in log
    /// order, found by its name's action path) is where the action's chain continues after the watermark, exactly as
    /// if the walk had gone through the trusted records.
    /// </summary>
    sealed class TrustedChains(IReadOnlyList<BundledRecord> leaves, int trusted)
    {
        Dictionary<string, int>? lastByAction;

        public (int Sequence, string Digest)? Tail(string logId, EvidenceSummary next)
        {
            if (lastByAction is null)
            {
                // Record names are "records/{agent}/{action}/{sequence:D4}-{kind}.json".
                lastByAction = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < trusted; i++)
                {
                    var name = leaves[i].Name;
                    var slash = name.LastIndexOf('/');
                    if (slash > 0)
                    {
                        lastByAction[name[..slash]] = i;
                    }
                }
            }

            var path = EvidenceRecordNames.For(logId, next.ActionId, 0, "x");
            if (!lastByAction.TryGetValue(path[..path.LastIndexOf('/')], out var index) || leaves[index].Content is not { } content)
            {
                return null;
            }

            var last = leaves[index].Name;
            var sequence = int.Parse(last.AsSpan(last.LastIndexOf('/') + 1, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            return (sequence, EvidenceEnvelopes.RecordDigest(content));
        }
    }
}
