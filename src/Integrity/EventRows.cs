using System.Runtime.CompilerServices;
using MyGovernment.Domain.Integrity;
using Npgsql;

namespace MyGovernment.Integrity;

/// <summary>Reads mt_events as <see cref="EventLeaf"/>s in seq_id order, streaming (one forward-only reader, no paging).</summary>
public static class EventRows
{
    private const string HeadColumns = "seq_id, id, stream_id::text, version, type, timestamp, tenant_id, correlation_id, causation_id";

    public const string Columns = HeadColumns + ", headers::text, data::text";

    public static async IAsyncEnumerable<EventLeaf> ReadAsync(
        NpgsqlConnection connection, string schema, long afterSeq, long? limit, [EnumeratorCancellation] CancellationToken ct)
    {
        var sql = $"select {Columns} from {schema}.mt_events where seq_id > @after order by seq_id" + (limit is null ? "" : " limit @limit");
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("after", afterSeq);
        if (limit is { } l)
        {
            command.Parameters.AddWithValue("limit", l);
        }
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            yield return Read(reader);
        }
    }

    /// <summary>
    /// The same rows as <see cref="ReadAsync"/>, with headers and data as UTF-8 bytes kept in <paramref name="bytes"/>
    /// (PostgreSQL converts the jsonb text to UTF-8, whatever the database's encoding).
    /// </summary>
    internal static async IAsyncEnumerable<Utf8EventRow> ReadUtf8Async(
        NpgsqlConnection connection, string schema, long afterSeq, int limit, RowBytes bytes, [EnumeratorCancellation] CancellationToken ct)
    {
        var sql = $"select {HeadColumns}, convert_to(headers::text, 'UTF8'), convert_to(data::text, 'UTF8') from {schema}.mt_events " +
                  "where seq_id > @after order by seq_id limit @limit";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("after", afterSeq);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            var head = new EventLeaf(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), null, "");
            ReadOnlyMemory<byte>? headers = reader.IsDBNull(9) ? default(ReadOnlyMemory<byte>?) : Bytes(reader, 9, bytes);
            yield return new Utf8EventRow(head, headers, Bytes(reader, 10, bytes));
        }
    }

    private static ArraySegment<byte> Bytes(NpgsqlDataReader reader, int ordinal, RowBytes bytes)
    {
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        var target = bytes.Take(length);
        reader.GetBytes(ordinal, 0, target.Array, target.Offset, length);
        return target;
    }

    public static EventLeaf Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetInt64(3), r.GetString(4),
        new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(5), DateTimeKind.Utc)), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetString(10));
}
