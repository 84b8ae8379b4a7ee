using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MyGovernment.Domain.Integrity;

/// <summary>
/// One stored event as a Merkle leaf (docs/verifiable-history.md, "Leaf bytes"). Every column an editor could
/// change to alter what happened is in it: position (seq), identity, stream, version, type, time, tenant,
/// correlation, causation, headers and data. Columns Marten legitimately rewrites (is_archived) or that name a
/// .NET type rather than the fact (mt_dotnet_type) are left out.
/// </summary>
public sealed record EventLeaf(
    long Sequence, Guid Id, string StreamId, long Version, string Type, DateTimeOffset Timestamp, string TenantId,
    string? CorrelationId, string? CausationId, string? Headers, string Data)
{
    public const string Magic = "mygov-event-leaf-v1";

    /// <summary>
    /// "mygov-event-leaf-v1" then, for each field in declaration order, 0x00 when null or 0x01 ‖ 4-byte
    /// big-endian length ‖ UTF-8 text. Numbers are decimal, the id lower-case "D" form, the time UTC with
    /// microseconds (PostgreSQL's precision), headers and data the jsonb text PostgreSQL prints (canonical:
    /// jsonb sorts keys and normalises spacing).
    /// </summary>
    public byte[] Bytes()
    {
        using var stream = new MemoryStream(256 + Data.Length);
        stream.Write(Encoding.UTF8.GetBytes(Magic));
        Write(stream, Sequence.ToString(CultureInfo.InvariantCulture));
        Write(stream, Id.ToString("D"));
        Write(stream, StreamId);
        Write(stream, Version.ToString(CultureInfo.InvariantCulture));
        Write(stream, Type);
        Write(stream, FormatTime(Timestamp));
        Write(stream, TenantId);
        Write(stream, CorrelationId);
        Write(stream, CausationId);
        Write(stream, Headers);
        Write(stream, Data);
        return stream.ToArray();
    }

    public byte[] LeafHash() => MerkleTree.LeafHash(Bytes());

    /// <summary>SHA-256 of the data text alone: lets verify say whether the payload or only the metadata changed.</summary>
    public byte[] DataHash() => SHA256.HashData(Encoding.UTF8.GetBytes(Data));

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Write(Stream stream, string? value)
    {
        if (value is null)
        {
            stream.WriteByte(0);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> header = stackalloc byte[5];
        header[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)bytes.Length);
        stream.Write(header);
        stream.Write(bytes);
    }
}
