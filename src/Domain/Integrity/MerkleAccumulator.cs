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
