using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MyGovernment.Domain.Integrity;

namespace MyGovernment.Integrity;

/// <summary>
/// The authentication tag the application writes into each event it appends (the <see cref="Header"/> header, in
/// the same insert; events appended before that release have theirs in integrity_event_tags): HMAC-SHA256 under the deployment's tag key over what the application knows before the insert —
/// the event id, stream, type, tenant and the canonical hash of the data (<see cref="CanonicalJson"/>). The sequence
/// number, version and timestamp are assigned by PostgreSQL (quick append), so they cannot be in it; the sealer
/// binds them, with headers, correlation and causation, into the leaf, which the signed log then fixes.
/// </summary>
public static class EventTag
{
    private static readonly byte[] Domain = Encoding.UTF8.GetBytes("mygov-event-tag-v1");

    /// <summary>The event header that holds the tag (base64). Headers are outside the tagged message, so no cycle.</summary>
    public const string Header = "integrityTag";

    /// <summary>
    /// The tag in a stored row's headers (jsonb text), or null when there is none or it is not base64 of 32 bytes:
    /// a row without it is checked against the tags table, then refused.
    /// </summary>
    public static byte[]? FromHeaders(string? headers)
    {
        if (headers is null || !headers.Contains(Header, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(headers);
            return FromHeaders(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The same answer as <see cref="FromHeaders(string?)"/>, for headers read as UTF-8 (the sealer's rows).</summary>
    public static byte[]? FromHeaders(ReadOnlyMemory<byte>? headersUtf8)
    {
        if (headersUtf8 is not { } headers || headers.Span.IndexOf(HeaderUtf8) < 0)
        {
            return null;
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(headers);
            return FromHeaders(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static ReadOnlySpan<byte> HeaderUtf8 => "integrityTag"u8;

    private static byte[]? FromHeaders(System.Text.Json.JsonDocument json)
    {
        if (json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
            || !json.RootElement.TryGetProperty(Header, out var value)
            || value.ValueKind != System.Text.Json.JsonValueKind.String)
        {
            return null;
        }
        var tag = new byte[32];
        return Convert.TryFromBase64String(value.GetString()!, tag, out var written) && written == tag.Length ? tag : null;
    }

    public static byte[] Compute(byte[] key, Guid id, string streamId, string type, string tenantId, ReadOnlySpan<byte> dataHash)
    {
        // One HMAC over the message laid out in one buffer: the same bytes as appending the parts to an incremental
        // hash, without a native hash context and three arrays per event appended or verified (issue 16).
        var length = Domain.Length + 16 + Prefixed(streamId) + Prefixed(type) + Prefixed(tenantId) + dataHash.Length;
        byte[]? rented = null;
        Span<byte> message = length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            Domain.CopyTo(message);
            var at = Domain.Length;
            id.TryWriteBytes(message.Slice(at, 16), bigEndian: true, out _);
            at += 16;
            at += Write(message[at..], streamId);
            at += Write(message[at..], type);
            at += Write(message[at..], tenantId);
            dataHash.CopyTo(message[at..]);
            return HMACSHA256.HashData(key, message[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="tag"/> is the tag of this stored row (false when there is none). Marten's own
    /// tombstones pass untagged: after a failed append Marten fills the sequence numbers it had taken with empty
    /// "tombstone" events, outside any session we can hook. One carries no data and is read by no projection, so a forged
    /// one could only occupy a sequence number. Neither its stream nor its metadata is fixed: Marten's tombstone stream
    /// id is a new Guid in every process (JasperFx StorageConstants), and it copies the failed session's metadata.
    /// </summary>
    public static bool Matches(byte[] key, EventLeaf row, byte[]? tag) =>
        IsMartenTombstone(row) || Matches(key, row.Id, row.StreamId, row.Type, row.TenantId, row.Data, tag);

    /// <summary>
    /// Marten's tombstone as Marten writes it: type <c>tombstone</c>, an empty object as data, and its own sequence
    /// number as version (Marten's choice, so tombstones never clash on the tombstone stream's version key).
    /// </summary>
    public static bool IsMartenTombstone(EventLeaf row) =>
        row.Type == "tombstone" && row.Version == row.Sequence && row.Data.Replace(" ", "", StringComparison.Ordinal) == "{}";

    public static bool Matches(byte[] key, Guid id, string streamId, string type, string tenantId, string dataJson, byte[]? tag) =>
        tag is not null && Holds(key, id, streamId, type, tenantId, HashOrNull(dataJson), tag);

    /// <summary>The same answer as <see cref="Matches(byte[], EventLeaf, byte[])"/> for a row read as UTF-8 (the sealer's).</summary>
    public static bool Matches(byte[] key, Utf8EventRow row, byte[]? tag) =>
        IsMartenTombstone(row)
        || (tag is not null && Holds(key, row.Head.Id, row.Head.StreamId, row.Head.Type, row.Head.TenantId, HashOrNull(row.Data), tag));

    /// <summary>Whether <paramref name="tag"/> is the tag of these fields and data hash; data that is not JSON (no hash) matches none.</summary>
    private static bool Holds(byte[] key, Guid id, string streamId, string type, string tenantId, byte[]? dataHash, byte[] tag) =>
        dataHash is not null && CryptographicOperations.FixedTimeEquals(Compute(key, id, streamId, type, tenantId, dataHash), tag);

    private static byte[]? HashOrNull(string json)
    {
        try
        {
            return CanonicalJson.Hash(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static byte[]? HashOrNull(ReadOnlyMemory<byte> json)
    {
        try
        {
            return CanonicalJson.Hash(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary><see cref="IsMartenTombstone(EventLeaf)"/> for a row read as UTF-8: data "{}" once spaces are removed.</summary>
    public static bool IsMartenTombstone(Utf8EventRow row)
    {
        if (row.Head.Type != "tombstone" || row.Head.Version != row.Head.Sequence)
        {
            return false;
        }
        var seen = 0;
        foreach (var b in row.Data.Span)
        {
            if (b == (byte)' ')
            {
                continue;
            }
            if (seen >= 2 || b != "{}"u8[seen])
            {
                return false;
            }
            seen++;
        }
        return seen == 2;
    }

    private const int StackBytes = 512;

    private static int Prefixed(string value) => 4 + Encoding.UTF8.GetByteCount(value);

    /// <summary>The value's UTF-8 length (4 bytes, big-endian), then the value; returns the bytes written.</summary>
    private static int Write(Span<byte> to, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, to[4..]);
        BinaryPrimitives.WriteInt32BigEndian(to, written);
        return 4 + written;
    }
}
