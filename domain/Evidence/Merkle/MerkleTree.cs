using System.Buffers;
using System.Security.Cryptography;

namespace AgentTrust.Domain.Evidence.Merkle;

/// <summary>
/// The RFC 6962 / RFC 9162 Merkle tree: leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right), a tree
/// of n leaves splits at the largest power of two below n. Inclusion and consistency proofs, and their checks,
/// follow RFC 9162 section 2.1, so the log can be audited with any transparency-log tooling.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        // One-shot hashing over a pooled copy: far cheaper than an incremental hash object per leaf.
        var buffer = ArrayPool<byte>.Shared.Rent(data.Length + 1);
        try
        {
            buffer[0] = 0x00;
            data.CopyTo(buffer.AsSpan(1));
            return SHA256.HashData(buffer.AsSpan(0, data.Length + 1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The hash of the empty tree: SHA-256 of no bytes.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    /// <summary>MTH(D[0:size]) over leaf hashes, in O(size) without recursion (the log may hold millions).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, long size)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leafHashes.Count);
        var builder = new MerkleTreeBuilder();
        for (var i = 0; i < size; i++)
        {
            builder.Append(leafHashes[i]);
        }

        return builder.Root();
    }

    /// <summary>PATH(index, D[0:size]): the audit path proving leaf <paramref name="index"/> is in the tree of that size.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long index, long size)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (index < 0 || index >= size || size > leafHashes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "The leaf must be inside the tree.");
        }

        var proof = new List<byte[]>();
        Path(leafHashes, index, 0, size, proof);
        return proof;
    }

    /// <summary>PROOF(first, D[0:second]): proves the tree of size <paramref name="first"/> is a prefix of the larger one.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long first, long second)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (first < 0 || first > second || second > leafHashes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(first), "Need 0 <= first <= second <= number of leaves.");
        }

        var proof = new List<byte[]>();
        if (first > 0 && first < second)
        {
            SubProof(leafHashes, first, 0, second, startFromOldRoot: true, proof);
        }

        return proof;
    }

    /// <summary>RFC 9162 2.1.3.2: does the audit path lead from the leaf hash to the root?</summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long index, long size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || index >= size)
        {
            return false;
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 2.1.4.2: is the first tree a prefix of the second (the log only ever appended)?</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (first < 0 || first > second)
        {
            return false;
        }

        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }

        if (first == 0)
        {
            // Every tree extends the empty tree.
            return proof.Count == 0;
        }

        var path = new List<byte[]>(proof.Count + 1);
        if ((first & (first - 1)) == 0)
        {
            path.Add(firstRoot.ToArray());
        }

        path.AddRange(proof);
        if (path.Count == 0)
        {
            return false;
        }

        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    static long LargestPowerOfTwoBelow(long n)
    {
        long k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }

    static byte[] RangeRoot(IReadOnlyList<byte[]> leaves, long start, long end)
    {
        var builder = new MerkleTreeBuilder();
        for (var i = start; i < end; i++)
        {
            builder.Append(leaves[(int)i]);
        }

        return builder.Root();
    }

    static void Path(IReadOnlyList<byte[]> leaves, long m, long start, long end, List<byte[]> proof)
    {
        var n = end - start;
        if (n <= 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            Path(leaves, m, start, start + k, proof);
            proof.Add(RangeRoot(leaves, start + k, end));
        }
        else
        {
            Path(leaves, m - k, start + k, end, proof);
            proof.Add(RangeRoot(leaves, start, start + k));
        }
    }

    static void SubProof(IReadOnlyList<byte[]> leaves, long m, long start, long end, bool startFromOldRoot, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!startFromOldRoot)
            {
                proof.Add(RangeRoot(leaves, start, end));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(leaves, m, start, start + k, startFromOldRoot, proof);
            proof.Add(RangeRoot(leaves, start + k, end));
        }
        else
        {
            SubProof(leaves, m - k, start + k, end, startFromOldRoot: false, proof);
            proof.Add(RangeRoot(leaves, start, start + k));
        }
    }
}
