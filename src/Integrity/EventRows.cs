using System.Runtime.CompilerServices;
using MyGovernment.Domain.Integrity;
using Npgsql;

namespace MyGovernment.Integrity;

/// <summary>Reads mt_events as <see cref="EventLeaf"/>s in seq_id order, streaming (one forward-only reader, no paging).</summary>
public static class EventRows
{
    public const string Columns =
        "seq_id, id, stream_id::text, version, type, timestamp, tenant_id, correlation_id, causation_id, headers::text, data::text";

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

    public static EventLeaf Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetInt64(3), r.GetString(4),
        new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(5), DateTimeKind.Utc)), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetString(10));
}
