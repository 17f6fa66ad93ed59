namespace AgentTrust.Domain.Evidence.Merkle;

/// <summary>
/// Appends leaf hashes and gives the RFC 6962 root at any moment from a stack of perfect subtrees (at most
/// log2(n) hashes held), so the root of a million-leaf log costs one pass and no recursion.
/// </summary>
public sealed class MerkleTreeBuilder
{
    readonly List<(int Height, byte[] Hash)> stack = [];

    public long Size { get; private set; }

    /// <summary>An independent copy (the hashes are immutable, so they are shared).</summary>
    public MerkleTreeBuilder Clone()
    {
        var copy = new MerkleTreeBuilder { Size = Size };
        copy.stack.AddRange(stack);
        return copy;
    }

    public void Append(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        var node = (Height: 0, Hash: leafHash);
        while (stack.Count > 0 && stack[^1].Height == node.Height)
        {
            var left = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            node = (node.Height + 1, MerkleTree.NodeHash(left.Hash, node.Hash));
        }

        stack.Add(node);
        Size++;
    }

    /// <summary>MTH of the leaves so far: the perfect subtrees folded right to left.</summary>
    public byte[] Root()
    {
        if (stack.Count == 0)
        {
            return MerkleTree.EmptyRoot();
        }

        var root = stack[^1].Hash;
        for (var i = stack.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.NodeHash(stack[i].Hash, root);
        }

        return root;
    }
}
