namespace MyGovernment.Domain.Integrity;

/// <summary>
/// Where a tiled tree reads its hashes. Level 0 is the leaf hashes; level k ≥ 1 holds the root of every complete,
/// aligned block of 2^(height·k) leaves (index i covers leaves [i·2^(height·k), (i+1)·2^(height·k))), the hashes a
/// sealer stores as blocks complete — the tiles of transparency-dev's tlog / C2SP tlog-tiles, kept as one row per
/// tile root rather than as tile files.
/// </summary>
public interface IMerkleNodes
{
    /// <summary>The hash, or null when it is not stored (the tree then computes it from the level below; a leaf must be there).</summary>
    byte[]? Node(int level, long index);
}

/// <summary>Tile arithmetic shared by the sealer, the verifier and <see cref="TiledMerkleTree"/>.</summary>
public static class MerkleTiles
{
    /// <summary>256 hashes a tile, as in tlog-tiles: any proof reads at most 255 hashes per tile level it crosses.</summary>
    public const int DefaultHeight = 8;

    /// <summary>How many complete nodes a tree of <paramref name="size"/> leaves has at <paramref name="level"/>.</summary>
    public static long CompleteNodes(long size, int level, int height = DefaultHeight) =>
        height * level >= 63 ? 0 : size >> (height * level);

    /// <summary>The root of a perfect tree over 2^m hashes, in order (RFC 9162: a power-of-two tree splits in halves).</summary>
    public static byte[] PerfectRoot(IReadOnlyList<byte[]> hashes)
    {
        if (hashes.Count == 0 || (hashes.Count & (hashes.Count - 1)) != 0)
        {
            throw new ArgumentException("A perfect tree has a power-of-two number of hashes.", nameof(hashes));
        }
        var level = hashes.ToArray();
        for (var n = level.Length; n > 1; n /= 2)
        {
            for (var i = 0; i < n / 2; i++)
            {
                level[i] = MerkleTree.NodeHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}

/// <summary>
/// RFC 9162 §2.1 roots and proofs computed from stored subtree hashes instead of every leaf: the same recursion as
/// <see cref="MerkleTree"/> (so the same bytes), with each subtree it needs assembled from the highest stored level
/// that tiles it. A perfect aligned subtree of 2^j leaves costs 2^(j mod height) hashes of level j / height; the
/// rightmost, imperfect subtrees split as the RFC says into perfect ones. So a root or an inclusion or consistency
/// proof reads O(log n) hashes: at most 2^height − 1 per tile level (partial tiles), never the whole log.
/// </summary>
public sealed class TiledMerkleTree(IMerkleNodes nodes, int height = MerkleTiles.DefaultHeight)
{
    public byte[] Root(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? MerkleTree.EmptyRoot : Subtree(0, size);
    }

    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "The leaf is not in a tree of that size.");
        }
        var path = new List<byte[]>();
        MerkleTree.Path(Subtree, index, 0, size, path);
        return path;
    }

    public IReadOnlyList<byte[]> ConsistencyProof(long first, long second)
    {
        if (first < 0 || first > second)
        {
            throw new ArgumentOutOfRangeException(nameof(first), "The first tree must not be larger than the second.");
        }
        var proof = new List<byte[]>();
        if (first > 0 && first < second)
        {
            MerkleTree.SubProof(Subtree, first, 0, second, true, proof);
        }
        return proof;
    }

    /// <summary>MTH(D[start:end]).</summary>
    public byte[] Subtree(long start, long end)
    {
        var n = end - start;
        if (n == 1)
        {
            return Leaf(start);
        }
        if ((n & (n - 1)) == 0 && start % n == 0)
        {
            return Perfect(start, System.Numerics.BitOperations.Log2((ulong)n));
        }
        var k = MerkleTree.Split(n);
        return MerkleTree.NodeHash(Subtree(start, start + k), Subtree(start + k, end));
    }

    /// <summary>The aligned perfect subtree of 2^log2 leaves from <paramref name="start"/>: from the highest stored level that tiles it.</summary>
    private byte[] Perfect(long start, int log2)
    {
        for (var level = log2 / height; level >= 1; level--)
        {
            var shift = height * level;
            var first = start >> shift;
            var count = 1L << (log2 - shift);
            var hashes = new List<byte[]>((int)count);
            for (var i = 0L; i < count; i++)
            {
                if (nodes.Node(level, first + i) is not { } hash)
                {
                    break;
                }
                hashes.Add(hash);
            }
            if (hashes.Count == count)
            {
                return MerkleTiles.PerfectRoot(hashes);
            }
        }
        var leaves = new List<byte[]>(1 << log2);
        for (var i = 0L; i < 1L << log2; i++)
        {
            leaves.Add(Leaf(start + i));
        }
        return MerkleTiles.PerfectRoot(leaves);
    }

    private byte[] Leaf(long index) =>
        nodes.Node(0, index) ?? throw new InvalidOperationException($"Leaf {index} is not recorded.");
}
