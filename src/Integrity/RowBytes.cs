using System.Buffers;

namespace MyGovernment.Integrity;

/// <summary>
/// Storage for the column bytes of one batch of rows: slices of a few large arrays rented from the shared pool and
/// given back together on dispose, so reading a batch's headers and data allocates nothing once the pool is warm.
/// Slices handed out stay valid until then, and must not be used after.
/// </summary>
internal sealed class RowBytes : IDisposable
{
    private const int ChunkSize = 256 * 1024;

    private readonly List<byte[]> _rented = [];
    private byte[]? _chunk;
    private int _used;

    public ArraySegment<byte> Take(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length > ChunkSize / 4)
        {
            // A large value gets an array of its own, so the shared chunk is not abandoned half used.
            var own = ArrayPool<byte>.Shared.Rent(length);
            _rented.Add(own);
            return new ArraySegment<byte>(own, 0, length);
        }
        if (_chunk is null || _chunk.Length - _used < length)
        {
            _chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            _rented.Add(_chunk);
            _used = 0;
        }
        var slice = new ArraySegment<byte>(_chunk, _used, length);
        _used += length;
        return slice;
    }

    public void Dispose()
    {
        foreach (var array in _rented)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
        _rented.Clear();
        _chunk = null;
    }
}
