using MyGovernment.Domain.Integrity;

namespace MyGovernment.Integrity;

/// <summary>
/// The sealed log as this node has folded it: the Merkle frontier after the last leaf it sealed (or read back, when
/// another node sealed in between), and the root at the end of each of its recent rounds. It starts from a signing
/// round that resumed from the last signed checkpoint's verified frontier and then grows with the leaf hashes the
/// sealer computes from the events it seals, so a signing round costs O(log n) hashes instead of reading and hashing
/// again every leaf sealed since the last checkpoint (a minute of events: about 130,000 leaves under the benchmark's
/// load, read and folded at once beside the commands; issue 16, part K).
/// </summary>
/// <remarks>
/// Rounds extend a copy and keep it only after their transaction commits: a round rolled back leaves nothing here.
/// Two rounds of one node may overlap (the worker and a forced checkpoint); the advisory lock orders them in the
/// database, and a round that started from an older copy reads the leaves in between back, so a copy is never wrong,
/// only sometimes behind.
/// </remarks>
internal sealed class SealedPrefix
{
    private const int KeptRoots = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, byte[]> _roots = [];
    private readonly Queue<long> _sizes = new();
    private MerkleAccumulator? _frontier;

    /// <summary>A copy of the frontier for a round to extend, or null before this node's first signing round.</summary>
    public MerkleAccumulator? Take()
    {
        lock (_gate)
        {
            return _frontier?.Clone();
        }
    }

    /// <summary>
    /// Whether this node's fold had <paramref name="checkpoint"/>'s root at its size: then extending the fold extends
    /// that checkpoint. False for a size no round of this node ended at (another node signed it): the signing round
    /// then resumes from that checkpoint's stored frontier, as a newly started node does.
    /// </summary>
    public bool Extends(SignedCheckpoint checkpoint)
    {
        lock (_gate)
        {
            return _roots.TryGetValue(checkpoint.TreeSize, out var root) && root.AsSpan().SequenceEqual(checkpoint.RootHash);
        }
    }

    /// <summary>After a round committed: the frontier it reached and that frontier's root.</summary>
    public void Keep(MerkleAccumulator frontier, byte[] root)
    {
        lock (_gate)
        {
            Remember(frontier.Size, root);
            // A round that committed before a later one (which read its leaves back) finishes last: keep the longer.
            if (_frontier is null || frontier.Size >= _frontier.Size)
            {
                _frontier = frontier.Clone();
            }
        }
    }

    /// <summary>A checkpoint verified to be the root of this node's fold at its size (the frontier a signing round resumed from).</summary>
    public void Vouch(SignedCheckpoint checkpoint)
    {
        lock (_gate)
        {
            Remember(checkpoint.TreeSize, checkpoint.RootHash);
        }
    }

    private void Remember(long size, byte[] root)
    {
        if (_roots.TryAdd(size, root))
        {
            _sizes.Enqueue(size);
            if (_sizes.Count > KeptRoots)
            {
                _roots.Remove(_sizes.Dequeue());
            }
        }
        else
        {
            _roots[size] = root;
        }
    }
}
