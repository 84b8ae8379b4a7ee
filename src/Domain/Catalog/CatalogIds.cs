using System.Security.Cryptography;
using System.Text;

namespace MyGovernment.Domain.Catalog;

/// <summary>
/// Catalog streams are addressed by their business code: the stream id is a name-based UUID (RFC 9562 v5
/// style) of the code, so the seed is idempotent and a lookup by code needs no index.
/// </summary>
public static class CatalogIds
{
    public static Guid Service(string code) => NameBased("service:" + code.ToUpperInvariant());

    public static Guid Department(string code) => NameBased("department:" + code.ToUpperInvariant());

    /// <summary>The one working-calendar stream (public holidays).</summary>
    public static Guid Calendar { get; } = NameBased("calendar:working");

    private static Guid NameBased(string name)
    {
        // SHA-1 is used as a naming function here, not for security (that is what v5 UUIDs specify).
#pragma warning disable CA5350
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("my-government/" + name));
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
