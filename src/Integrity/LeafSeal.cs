using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MyGovernment.Integrity;

/// <summary>
/// The sealer's HMAC over one recorded leaf row (index, seq, event id, leaf hash, data hash) under the tag key. The
/// signed checkpoints only say that some leaf in a stretch changed; a seal that no longer verifies names the row
/// that was rewritten together with its event, by seq and id.
/// </summary>
public static class LeafSeal
{
    public static IncrementalHash Hmac(byte[] key) => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    public static byte[] Compute(byte[] key, long leafIndex, long seq, Guid eventId, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> dataHash)
    {
        using var hmac = Hmac(key);
        return Compute(hmac, leafIndex, seq, eventId, leafHash, dataHash);
    }

    /// <summary>With a keyed HMAC kept across calls (verify checks every leaf: no key set-up, no allocation per leaf).</summary>
    public static bool Holds(IncrementalHash hmac, long leafIndex, long seq, Guid eventId, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> dataHash, ReadOnlySpan<byte> seal)
    {
        Append(hmac, leafIndex, seq, eventId, leafHash, dataHash);
        Span<byte> expected = stackalloc byte[32];
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, seal);
    }

    public static byte[] Compute(IncrementalHash hmac, long leafIndex, long seq, Guid eventId, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> dataHash)
    {
        Append(hmac, leafIndex, seq, eventId, leafHash, dataHash);
        return hmac.GetHashAndReset();
    }

    private static void Append(IncrementalHash hmac, long leafIndex, long seq, Guid eventId, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> dataHash)
    {
        hmac.AppendData("mygov-leaf-seal-v1"u8);
        Span<byte> fixedPart = stackalloc byte[32];
        BinaryPrimitives.WriteInt64BigEndian(fixedPart, leafIndex);
        BinaryPrimitives.WriteInt64BigEndian(fixedPart[8..], seq);
        eventId.TryWriteBytes(fixedPart[16..], bigEndian: true, out _);
        hmac.AppendData(fixedPart);
        hmac.AppendData(leafHash);
        hmac.AppendData(dataHash);
    }
}
