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
/// </summary>
public sealed class EvidenceVerifier(KeyRing? trustedKeys = null, bool verifyAllSignatures = false)
{
    public EvidenceVerificationReport Verify(EvidenceBundle bundle)
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
        var checkpoints = 0;
        foreach (var log in bundle.Logs.OrderBy(l => l.LogId, StringComparer.Ordinal))
        {
            var result = VerifyLog(log, keys, notes);
            problems.AddRange(result.Problems);
            records += result.Records;
            signatures += result.Signatures;
            checkpoints += result.Checkpoints;
        }

        return new EvidenceVerificationReport(records, signatures, checkpoints, problems, notes);
    }

    LogResult VerifyLog(EvidenceLogBundle log, KeyRing keys, List<string> notes)
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
                return new LogResult(problems, 0, 0, 0);
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

        // Parse every record and recompute its leaf hash (in parallel: a million records are a lot of JSON).
        var inspected = new Inspected[n];
        Parallel.For(0, n, i => inspected[i] = Inspect(leaves[i]));

        // One pass of the tree: each signed root must be the root of the recomputed leaves at its size.
        var leafHashes = new byte[n][];
        for (var i = 0; i < n; i++)
        {
            leafHashes[i] = inspected[i].LeafHash ?? StoredLeafHash(leaves[i]) ?? new byte[MerkleTree.HashSize];
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
        for (var i = 0; i < n; i++)
        {
            var leaf = leaves[i];
            var record = inspected[i];
            string? reason = null;
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
                reason = CheckPlaceAndChain(log.LogId, leaf.Name, record.Summary!.Value, record.Digest!, chains);
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

        // Stable order by leaf: the first problem is the first bad record; problems with no leaf come last.
        return new LogResult([.. problems.OrderBy(p => p.LeafIndex ?? long.MaxValue)], n, signaturesChecked, signed.Count);
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

    static Inspected Inspect(BundledRecord leaf)
    {
        if (leaf.Content is null)
        {
            return default;
        }

        var leafHash = MerkleTree.LeafHash(leaf.Content);
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

    sealed record LogResult(List<EvidenceProblem> Problems, long Records, long Signatures, int Checkpoints);
}
