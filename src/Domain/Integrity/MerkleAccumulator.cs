using System.Security.Cryptography;

namespace MyGovernment.Domain.Integrity;

/// <summary>
/// The RFC 9162 root of a log read once, in order, keeping only O(log n) hashes: one per perfect subtree, the
/// binary digits of the size. The root of any prefix is the right fold of that stack, so a verifier streaming
/// millions of events can compare the root at every checkpoint size as it passes it.
/// </summary>
public sealed class MerkleAccumulator
{
    private readonly List<(byte[] Hash, long Size)> _stack = [];

    public long Size { get; private set; }

    /// <summary>
    /// Told (size, index, hash) of each aligned perfect subtree the leaves complete, as they complete it: the tile
    /// roots are among them, so a verifier that checks stored tiles need not hash the same leaves a second time.
    /// </summary>
    public Action<long, long, byte[]>? SubtreeCompleted { get; init; }

    public void AddLeafHash(byte[] leafHash)
    {
        var hash = leafHash;
        var size = 1L;
        while (_stack.Count > 0 && _stack[^1].Size == size)
        {
            hash = MerkleTree.NodeHash(_stack[^1].Hash, hash);
            size *= 2;
            _stack.RemoveAt(_stack.Count - 1);
            SubtreeCompleted?.Invoke(size, (Size + 1) / size - 1, hash);
        }
        _stack.Add((hash, size));
        Size++;
    }

    /// <summary>
    /// The state after <paramref name="size"/> leaves, from the roots of the perfect subtrees that tile them, largest
    /// (leftmost) first, one per binary digit of the size: a log's last signed prefix, so that only the leaves after it
    /// need folding.
    /// </summary>
    public static MerkleAccumulator Resume(long size, IReadOnlyList<byte[]> frontier)
    {
        var blocks = FrontierBlocks(size);
        if (blocks.Count != frontier.Count)
        {
            throw new ArgumentException($"A log of {size} leaves has {blocks.Count} frontier subtrees, not {frontier.Count}.", nameof(frontier));
        }
        var resumed = new MerkleAccumulator { Size = size };
        for (var i = 0; i < blocks.Count; i++)
        {
            resumed._stack.Add((frontier[i], blocks[i].End - blocks[i].Start));
        }
        return resumed;
    }

    /// <summary>The aligned perfect subtrees [start, end) that tile the first <paramref name="size"/> leaves, largest first.</summary>
    public static IReadOnlyList<(long Start, long End)> FrontierBlocks(long size)
    {
        var blocks = new List<(long, long)>();
        var start = 0L;
        for (var bit = 62; bit >= 0; bit--)
        {
            var width = 1L << bit;
            if ((size & width) != 0)
            {
                blocks.Add((start, start + width));
                start += width;
            }
        }
        return blocks;
    }

    /// <summary>An independent copy of the same state (without the subtree listener): two trees that share a prefix
    /// hash it once.</summary>
    public MerkleAccumulator Clone()
    {
        var copy = new MerkleAccumulator { Size = Size };
        copy._stack.AddRange(_stack);
        return copy;
    }

    public byte[] Root()
    {
        if (_stack.Count == 0)
        {
            return SHA256.HashData([]);
        }
        var root = _stack[^1].Hash;
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.NodeHash(_stack[i].Hash, root);
        }
        return root;
    }
}
