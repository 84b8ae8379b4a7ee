using MyGovernment.Domain.Integrity;
using Npgsql;

namespace MyGovernment.Integrity;

/// <summary>
/// The application tags (<see cref="EventTag"/>) of some stored events, by event id: from each row's own headers,
/// and for rows without one (appended before tags moved into the headers) from integrity_event_tags, in one query
/// only when there are such rows.
/// </summary>
public static class EventTags
{
    public static Task<Dictionary<Guid, byte[]>> ReadAsync(NpgsqlConnection connection, string schema, IReadOnlyCollection<EventLeaf> rows, CancellationToken ct) =>
        ReadAsync(connection, schema, rows.Select(row => (row.Id, EventTag.FromHeaders(row.Headers))), rows.Count, ct);

    public static Task<Dictionary<Guid, byte[]>> ReadAsync(NpgsqlConnection connection, string schema, IReadOnlyCollection<Utf8EventRow> rows, CancellationToken ct) =>
        ReadAsync(connection, schema, rows.Select(row => (row.Id, EventTag.FromHeaders(row.Headers))), rows.Count, ct);

    private static async Task<Dictionary<Guid, byte[]>> ReadAsync(
        NpgsqlConnection connection, string schema, IEnumerable<(Guid Id, byte[]? Tag)> fromHeaders, int count, CancellationToken ct)
    {
        var tags = new Dictionary<Guid, byte[]>(count);
        var older = new List<Guid>();
        foreach (var (id, headerTag) in fromHeaders)
        {
            if (headerTag is { } tag)
            {
                tags[id] = tag;
            }
            else
            {
                older.Add(id);
            }
        }
        if (older.Count == 0)
        {
            return tags;
        }
        await using var command = new NpgsqlCommand($"select event_id, tag from {schema}.{IntegritySchema.EventTags} where event_id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", older.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tags[reader.GetGuid(0)] = (byte[])reader[1];
        }
        return tags;
    }
}
