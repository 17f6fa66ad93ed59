using AgentTrust.Domain.Evidence.Merkle;

namespace AgentTrust.Tests.Evidence;

public sealed class MerkleTreeTests
{
    // The leaves and roots of the certificate-transparency reference tests (RFC 6962 trees of sizes 1 to 8).
    static readonly string[] ReferenceLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    static readonly string[] ReferenceRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    static List<byte[]> Leaves(int count) => [.. Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i)))];

    [Fact]
    public void Root_ReferenceVectors_MatchRfc6962()
    {
        var leaves = ReferenceLeaves.Select(h => MerkleTree.LeafHash(Convert.FromHexString(h))).ToList();
        for (var size = 1; size <= leaves.Count; size++)
        {
            Assert.Equal(ReferenceRoots[size - 1], Convert.ToHexStringLower(MerkleTree.Root(leaves, size)));
        }
    }

    [Fact]
    public void Root_EmptyTree_IsHashOfNothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleTree.Root([], 0)));
    }

    [Fact]
    public void VerifyInclusion_EveryLeafOfEveryTreeUpTo20_Verifies()
    {
        var leaves = Leaves(20);
        for (var size = 1; size <= 20; size++)
        {
            var root = MerkleTree.Root(leaves, size);
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleTree.InclusionProof(leaves, index, size);
                Assert.True(MerkleTree.VerifyInclusion(leaves[index], index, size, proof, root), $"leaf {index} of {size}");
            }
        }
    }

    [Fact]
    public void VerifyInclusion_WrongLeafOrIndexOrAlteredProof_Fails()
    {
        var leaves = Leaves(13);
        var root = MerkleTree.Root(leaves, 13);
        var proof = MerkleTree.InclusionProof(leaves, 5, 13);

        Assert.False(MerkleTree.VerifyInclusion(leaves[6], 5, 13, proof, root));
        Assert.False(MerkleTree.VerifyInclusion(leaves[5], 6, 13, proof, root));
        var altered = proof.Select(p => (byte[])p.Clone()).ToList();
        altered[1][0] ^= 1;
        Assert.False(MerkleTree.VerifyInclusion(leaves[5], 5, 13, altered, root));
        Assert.False(MerkleTree.VerifyInclusion(leaves[5], 5, 13, proof.Take(proof.Count - 1).ToList(), root));
    }

    [Fact]
    public void VerifyConsistency_EveryPairOfSizesUpTo20_Verifies()
    {
        var leaves = Leaves(20);
        for (var second = 1; second <= 20; second++)
        {
            for (var first = 1; first <= second; first++)
            {
                var proof = MerkleTree.ConsistencyProof(leaves, first, second);
                Assert.True(
                    MerkleTree.VerifyConsistency(first, second, MerkleTree.Root(leaves, first), MerkleTree.Root(leaves, second), proof),
                    $"{first} -> {second}");
            }
        }
    }

    [Fact]
    public void VerifyConsistency_RewrittenHistory_Fails()
    {
        var leaves = Leaves(12);
        var rewritten = Leaves(12);
        rewritten[3] = MerkleTree.LeafHash([0xff]);
        var oldRoot = MerkleTree.Root(leaves, 7);

        var proof = MerkleTree.ConsistencyProof(rewritten, 7, 12);

        Assert.False(MerkleTree.VerifyConsistency(7, 12, oldRoot, MerkleTree.Root(rewritten, 12), proof));
    }

    [Fact]
    public void Builder_RootAfterEachAppend_EqualsRecursiveRoot()
    {
        var leaves = Leaves(33);
        var builder = new MerkleTreeBuilder();
        for (var i = 0; i < leaves.Count; i++)
        {
            builder.Append(leaves[i]);
            Assert.Equal(MerkleTree.Root(leaves, i + 1), builder.Root());
        }
    }
}
