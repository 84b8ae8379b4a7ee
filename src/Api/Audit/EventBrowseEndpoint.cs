using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using Npgsql;
using Wolverine.Http;

namespace MyGovernment.Api.Audit;

public sealed record EventSummary(
    long Seq, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string? Actor, string? ActorRole, string? Department,
    string? CorrelationId, string? CausationId);

public static class EventBrowseEndpoint
{
    /// <summary>
    /// Every event in the store, in seq order, filtered by time range, acting subject, department (from the
    /// "actor" metadata header) and event type. Keyset paged on seq_id: `next` is the cursor for `after`.
    /// </summary>
    [Authorize(Roles = Roles.Auditor)]
    [WolverineGet("/api/audit/events", OperationId = "BrowseEvents")]
    [EndpointSummary("Browse the event log")]
    [EndpointDescription("All events by time range, actor, department and event type, with keyset paging on the global sequence.")]
    [Tags("Audit")]
    public static async Task<Page<EventSummary>> Browse(
        DateTimeOffset? from, DateTimeOffset? to, string? actor, string? department, string? type, long? after, int? limit,
        IntegrityDatabase db, CancellationToken ct)
    {
        var size = Keyset.Limit(limit);
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
        command.Parameters.AddWithValue("after", after ?? 0);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("from", from?.ToUniversalTime()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", to?.ToUniversalTime()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string?>("actor", actor) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("department", department) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("type", type) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue("limit", size + 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<EventSummary>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new EventSummary(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9)));
        }
        var more = rows.Count > size;
        var page = rows.Take(size).ToList();
        return new Page<EventSummary>(page, more ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
