using Npgsql;
using NpgsqlTypes;

namespace MyGovernment.Integrity;

public sealed record EventSummary(
    long Seq, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string? Actor, string? ActorRole, string? Department,
    string? CorrelationId, string? CausationId);

/// <summary>What the auditor may filter the whole event log by; every part optional. Actor and department come from the "actor" header.</summary>
public sealed record EventFilter(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Department, string? Type);

/// <summary>
/// Reads of mt_events across streams, in seq_id order, straight from the table: what Marten's per-stream API does not
/// offer (filters on header fields, keyset on the global sequence).
/// </summary>
public sealed class EventLog(IntegrityDatabase db)
{
    /// <summary>Up to <paramref name="limit"/> events after seq <paramref name="after"/> that match the filter.</summary>
    public async Task<IReadOnlyList<EventSummary>> BrowseAsync(EventFilter filter, long after, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            select seq_id, stream_id, version, type, timestamp,
                   headers->'actor'->>'subject', headers->'actor'->>'role', headers->'actor'->>'department', correlation_id, causation_id
            from {db.Schema}.mt_events
            where seq_id > @after
              and (@from::timestamptz is null or timestamp >= @from)
              and (@to::timestamptz is null or timestamp < @to)
              and (@actor::text is null or headers->'actor'->>'subject' = @actor)
              and (@department::text is null or lower(headers->'actor'->>'department') = lower(@department))
              and (@type::text is null or type = @type)
            order by seq_id
            limit @limit
            """, connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("from", filter.From?.ToUniversalTime()) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", filter.To?.ToUniversalTime()) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string?>("actor", filter.Actor) { NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("department", filter.Department) { NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("type", filter.Type) { NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<EventSummary>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new EventSummary(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9)));
        }
        return rows;
    }

    /// <summary>The global sequence of the first event of this type on this stream (e.g. a payment's success, which its receipt proves).</summary>
    public async Task<long?> FirstSeqAsync(Guid streamId, string eventType, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select seq_id from {db.Schema}.mt_events where stream_id = @id and type = @type order by seq_id limit 1", connection);
        command.Parameters.AddWithValue("id", streamId);
        command.Parameters.AddWithValue("type", eventType);
        return await command.ExecuteScalarAsync(ct) as long?;
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
