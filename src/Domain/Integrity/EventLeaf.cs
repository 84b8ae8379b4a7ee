using System.Buffers;
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

    /// <summary>
    /// MerkleTree.LeafHash(Bytes()), computed without building those bytes as objects: the 0x00 leaf prefix and the
    /// same encoding are written straight into one pooled buffer and hashed once. Verify runs this for every event.
    /// </summary>
    public byte[] LeafHash()
    {
        var rented = ArrayPool<byte>.Shared.Rent(MaxHeadBytes(this) + Encoding.UTF8.GetMaxByteCount(Headers?.Length ?? 0) + Encoding.UTF8.GetMaxByteCount(Data.Length));
        try
        {
            var buffer = rented.AsSpan();
            var at = WriteHead(buffer, this);
            at += Write(buffer[at..], Headers);
            at += Write(buffer[at..], Data);
            return SHA256.HashData(buffer[..at]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The leaf hash of an event whose headers and data are at hand as UTF-8 (the sealer reads them so from
    /// PostgreSQL, to hash without decoding): the same value as <see cref="LeafHash()"/> of a leaf holding that text.
    /// <paramref name="head"/>'s own <see cref="Headers"/> and <see cref="Data"/> are not read.
    /// </summary>
    public static byte[] LeafHash(EventLeaf head, ReadOnlyMemory<byte>? headersUtf8, ReadOnlySpan<byte> dataUtf8)
    {
        var rented = ArrayPool<byte>.Shared.Rent(MaxHeadBytes(head) + (headersUtf8?.Length ?? 0) + dataUtf8.Length);
        try
        {
            var buffer = rented.AsSpan();
            var at = WriteHead(buffer, head);
            at += headersUtf8 is { } headers ? Write(buffer[at..], headers.Span) : WriteNull(buffer[at..]);
            at += Write(buffer[at..], dataUtf8);
            return SHA256.HashData(buffer[..at]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Room for the 0x00 leaf prefix, the magic and every field before the headers, with their prefixes.</summary>
    private static int MaxHeadBytes(EventLeaf head) =>
        1 + Magic.Length + 11 * 5 + 3 * 20 + 36 + 40
        + Encoding.UTF8.GetMaxByteCount(head.StreamId.Length) + Encoding.UTF8.GetMaxByteCount(head.Type.Length) + Encoding.UTF8.GetMaxByteCount(head.TenantId.Length)
        + Encoding.UTF8.GetMaxByteCount(head.CorrelationId?.Length ?? 0) + Encoding.UTF8.GetMaxByteCount(head.CausationId?.Length ?? 0);

    /// <summary>The 0x00 leaf prefix, the magic and fields 1 to 9 into <paramref name="buffer"/>; returns the bytes written.</summary>
    private static int WriteHead(Span<byte> buffer, EventLeaf head)
    {
        buffer[0] = 0;
        var at = 1 + Encoding.UTF8.GetBytes(Magic, buffer[1..]);
        at += WriteFormatted(buffer[at..], head.Sequence, default);
        at += WriteFormatted(buffer[at..], head.Id, "D");
        at += Write(buffer[at..], head.StreamId);
        at += WriteFormatted(buffer[at..], head.Version, default);
        at += Write(buffer[at..], head.Type);
        at += WriteFormatted(buffer[at..], head.Timestamp.UtcDateTime, TimeFormat);
        at += Write(buffer[at..], head.TenantId);
        at += Write(buffer[at..], head.CorrelationId);
        at += Write(buffer[at..], head.CausationId);
        return at;
    }

    /// <summary>
    /// The event a leaf's bytes encode (the inverse of <see cref="Bytes"/>), or null if they are not a leaf of this
    /// format. Lets an offline check say which event a receipt proves from the signed bytes, not the JSON around them.
    /// </summary>
    public static EventLeaf? Decode(ReadOnlySpan<byte> bytes)
    {
        var magic = Encoding.UTF8.GetBytes(Magic);
        if (!bytes.StartsWith(magic))
        {
            return null;
        }
        var fields = new string?[11];
        var at = magic.Length;
        for (var i = 0; i < fields.Length; i++)
        {
            if (at >= bytes.Length || bytes[at] > 1)
            {
                return null;
            }
            if (bytes[at++] == 0)
            {
                continue;
            }
            if (at + 4 > bytes.Length)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
            at += 4;
            if (length > bytes.Length - at)
            {
                return null;
            }
            fields[i] = Encoding.UTF8.GetString(bytes.Slice(at, (int)length));
            at += (int)length;
        }
        return at == bytes.Length
               && long.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seq)
               && Guid.TryParse(fields[1], out var id)
               && long.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version)
               && DateTimeOffset.TryParseExact(fields[5], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
               && fields[2] is { } stream && fields[4] is { } type && fields[6] is { } tenant && fields[10] is { } data
            ? new EventLeaf(seq, id, stream, version, type, time, tenant, fields[7], fields[8], fields[9], data)
            : null;
    }

    /// <summary>SHA-256 of the data text alone: lets verify say whether the payload or only the metadata changed.</summary>
    public byte[] DataHash() => SHA256.HashData(Encoding.UTF8.GetBytes(Data));

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>One field as <see cref="Bytes"/> encodes it, into <paramref name="to"/>; returns the bytes written.</summary>
    private static int Write(Span<byte> to, string? value)
    {
        if (value is null)
        {
            return WriteNull(to);
        }
        var length = Encoding.UTF8.GetBytes(value, to[5..]);
        to[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(to[1..], (uint)length);
        return 5 + length;
    }

    /// <summary>A present field already in UTF-8.</summary>
    private static int Write(Span<byte> to, ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(to[5..]);
        to[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(to[1..], (uint)utf8.Length);
        return 5 + utf8.Length;
    }

    private static int WriteNull(Span<byte> to)
    {
        to[0] = 0;
        return 1;
    }

    private static int WriteFormatted<T>(Span<byte> to, T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(to[5..], out var length, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("leaf buffer too small");
        }
        to[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(to[1..], (uint)length);
        return 5 + length;
    }

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
