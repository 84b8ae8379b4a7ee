namespace MyGovernment.Integrity;

/// <summary>
/// The sealed log as this node has folded it (<see cref="LogFold"/>), kept between rounds so that a signing round costs
/// O(log n) hashes instead of reading and hashing again every leaf sealed since the last checkpoint (a minute of
/// events: about 130,000 leaves under the benchmark's load, read and folded at once beside the commands; issue 16,
/// part K).
/// </summary>
/// <remarks>
/// Rounds extend a copy and keep it only after their transaction commits: a round rolled back leaves nothing here.
/// Two rounds of one node may overlap (the worker and a forced checkpoint); the advisory lock orders them in the
/// database, and a round that started from an older copy reads the leaves in between back.
/// </remarks>
internal sealed class SealedPrefix
{
    private readonly Lock _gate = new();
    private LogFold? _fold;

    /// <summary>A copy of the fold for a round to extend, or null before this node's first signing round.</summary>
    public LogFold? Take()
    {
        lock (_gate)
        {
            return _fold?.Clone();
        }
    }

    /// <summary>
    /// After a round committed: the fold it reached, handed over (the round does not touch it again, and rounds only
    /// ever get copies of it). A round that finishes after a longer one does not move it back.
    /// </summary>
    public void Keep(LogFold fold)
    {
        lock (_gate)
        {
            if (_fold is null || fold.Size >= _fold.Size)
            {
                _fold = fold;
            }
        }
    }
}
