using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace MyGovernment.Domain.Common;

/// <summary>
/// Streams addressed by a business key (a service code, a department, a citizen) get a name-based UUID (RFC 9562
/// version 5 layout), so they are found by the key alone and creating them twice collides instead of duplicating.
/// </summary>
public static class NameBasedId
{
    private const int StackBytes = 256;

    public static Guid For(string kind, string key)
    {
        // The name is "my-government/{kind}:{key}" in UTF-8, written into one buffer: commands derive several ids
        // each, and building the text, its bytes and the hash as objects showed in the allocation profile (issue 16).
        var max = Encoding.UTF8.GetMaxByteCount(kind.Length + key.Length) + Prefix.Length + 1;
        byte[]? rented = null;
        Span<byte> name = max <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            Prefix.CopyTo(name);
            var at = Prefix.Length + Encoding.UTF8.GetBytes(kind, name[Prefix.Length..]);
            name[at++] = (byte)':';
            at += Encoding.UTF8.GetBytes(key, name[at..]);
            Span<byte> hash = stackalloc byte[20];
            // SHA-1 is the naming function version 5 UUIDs specify; it is not used for security here.
#pragma warning disable CA5350
            SHA1.HashData(name[..at], hash);
#pragma warning restore CA5350
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<byte> Prefix => "my-government/"u8;
}
