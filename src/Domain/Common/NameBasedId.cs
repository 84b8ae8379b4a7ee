using System.Security.Cryptography;
using System.Text;

namespace MyGovernment.Domain.Common;

/// <summary>
/// Streams addressed by a business key (a service code, a department, a citizen) get a name-based UUID (RFC 9562
/// version 5 layout), so they are found by the key alone and creating them twice collides instead of duplicating.
/// </summary>
public static class NameBasedId
{
    public static Guid For(string kind, string key)
    {
        // SHA-1 is the naming function version 5 UUIDs specify; it is not used for security here.
#pragma warning disable CA5350
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"my-government/{kind}:{key}"));
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
