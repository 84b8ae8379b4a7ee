using MyGovernment.Domain.Integrity;

namespace MyGovernment.Integrity;

/// <summary>
/// A Merkle fold of the first leaves of the log, with the roots it had at the sizes it was marked at: the ends of the
/// rounds that extended it and the checkpoints it was checked against. A checkpoint whose root the fold had at its size
/// is a prefix of the fold, so the fold's root extends it; that is asked of the very fold being signed, never of
/// another copy that might have read different leaves back.
/// </summary>
internal sealed class LogFold
{
    private const int KeptRoots = 256;

    private readonly MerkleAccumulator _accumulator;
    private readonly Dictionary<long, byte[]> _roots;
    private readonly Queue<long> _marked;

    public LogFold(MerkleAccumulator accumulator) : this(accumulator, [], new Queue<long>())
    {
    }

    private LogFold(MerkleAccumulator accumulator, Dictionary<long, byte[]> roots, Queue<long> marked)
    {
        _accumulator = accumulator;
        _roots = roots;
        _marked = marked;
    }

    public long Size => _accumulator.Size;

    public void AddLeafHash(byte[] leafHash) => _accumulator.AddLeafHash(leafHash);

    public byte[] Root() => _accumulator.Root();

    /// <summary>Remembers the root at the current size (once: a size has one root in a fold).</summary>
    public void Mark()
    {
        if (_roots.ContainsKey(Size))
        {
            return;
        }
        _roots[Size] = Root();
        _marked.Enqueue(Size);
        if (_marked.Count > KeptRoots)
        {
            _roots.Remove(_marked.Dequeue());
        }
    }

    /// <summary>Whether this fold had <paramref name="checkpoint"/>'s root at its size.</summary>
    public bool Passed(SignedCheckpoint checkpoint) =>
        _roots.TryGetValue(checkpoint.TreeSize, out var root) && root.AsSpan().SequenceEqual(checkpoint.RootHash);

    public LogFold Clone() => new(_accumulator.Clone(), new Dictionary<long, byte[]>(_roots), new Queue<long>(_marked));
}
